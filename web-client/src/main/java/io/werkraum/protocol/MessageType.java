package io.werkraum.protocol;

/** Messages the server sends that are not stored: news of the moment, never replayed. */
public enum MessageType {
  /** Board address: who has a socket open, {@code {participants:[ids]}}. */
  ONLINE("online"),
  /** Room address: one batch of presence items per tick. */
  PRESENCE("presence"),
  /** Facilitators' address: how far the open voting round is. */
  ROUND_PROGRESS("round.progress"),
  /** Personal address: the participant's own votes in the open round. */
  VOTES_MINE("votes.mine"),
  /** Personal and facilitators' address: an event about a hidden note, whole. */
  NOTE_PRIVATE("note.private"),
  /** Board address: the board was deleted (by its facilitators or past its retention); its sockets close. */
  BOARD_DELETED("board.deleted");

  private final String wire;

  MessageType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
