package io.werkraum.protocol;

/**
 * Every stored event: committed with a sequence number on its stream, kept in the op log, sent
 * to everyone on the stream's address and replayed by {@code sync}.
 */
public enum EventType {
  PARTICIPANT_JOINED("participant.joined", Stream.BOARD),
  PARTICIPANT_UPDATED("participant.updated", Stream.BOARD),
  PARTICIPANT_REMOVED("participant.removed", Stream.BOARD),
  PARTICIPANT_ERASED("participant.erased", Stream.BOARD),
  SETTINGS_UPDATED("settings.updated", Stream.BOARD),
  LINKS_RENEWED("links.renewed", Stream.BOARD),
  ROUND_STARTED("round.started", Stream.BOARD),
  ROUND_CLOSED("round.closed", Stream.BOARD),
  ROOMS_CREATED("rooms.created", Stream.BOARD),
  ROOMS_ASSIGNED("rooms.assigned", Stream.BOARD),
  SNAPSHOT_TAKEN("snapshot.taken", Stream.BOARD),
  NOTE_CREATED("note.created", Stream.ROOM),
  NOTE_UPDATED("note.updated", Stream.ROOM),
  NOTE_DELETED("note.deleted", Stream.ROOM),
  SECTION_CREATED("section.created", Stream.ROOM),
  SECTION_UPDATED("section.updated", Stream.ROOM),
  SECTION_DELETED("section.deleted", Stream.ROOM),
  NOTES_REVEALED("notes.revealed", Stream.ROOM),
  /** On the plenary's stream: a breakout room's notes copied into a new section. */
  ROOMS_HARVESTED("rooms.harvested", Stream.ROOM);

  /** The board stream ({@code board.<id>}) or a room's stream ({@code board.<id>.room.<room>}). */
  public enum Stream { BOARD, ROOM }

  private final String wire;
  private final Stream stream;

  EventType(String wire, Stream stream) {
    this.wire = wire;
    this.stream = stream;
  }

  public String wire() {
    return wire;
  }

  public Stream stream() {
    return stream;
  }
}
