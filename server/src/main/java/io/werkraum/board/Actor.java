package io.werkraum.board;

/**
 * Who sends a command: taken from the verified join token, never from the message body.
 * Werkraum itself acts as {@link #system} (closing overdue rounds, taking snapshots on occasion).
 */
public record Actor(String boardId, String participantId, Role role) {
  private static final String SYSTEM = "werkraum";

  /** Werkraum itself, acting on a board with a facilitator's rights; it is no participant. */
  public static Actor system(String boardId) {
    return new Actor(boardId, SYSTEM, Role.FACILITATOR);
  }

  public boolean isSystem() {
    return SYSTEM.equals(participantId);
  }

  public boolean isFacilitator() {
    return role == Role.FACILITATOR;
  }
}
