package io.werkraum.board;

import io.werkraum.protocol.EventType;
import java.util.List;
import java.util.Map;

/**
 * Every stored event, built whole before it is committed: the store adds only its sequence
 * number and, for a note under private writing, whose it is. The wire form is the record's
 * fields plus {@code type}, {@code seq} and {@code at}.
 */
public sealed interface BoardEvent {
  EventType type();

  record NoteCreated(String room, Note note) implements BoardEvent {
    public EventType type() {
      return EventType.NOTE_CREATED;
    }
  }

  record NoteUpdated(String room, String id, Map<String, Object> patch, String by, long updatedAt)
      implements BoardEvent {
    public EventType type() {
      return EventType.NOTE_UPDATED;
    }
  }

  record NoteDeleted(String room, String id, String by) implements BoardEvent {
    public EventType type() {
      return EventType.NOTE_DELETED;
    }
  }

  record SectionCreated(String room, Section section) implements BoardEvent {
    public EventType type() {
      return EventType.SECTION_CREATED;
    }
  }

  record SectionUpdated(String room, String id, Map<String, Object> patch, String by, long updatedAt)
      implements BoardEvent {
    public EventType type() {
      return EventType.SECTION_UPDATED;
    }
  }

  record SectionDeleted(String room, String id, String by) implements BoardEvent {
    public EventType type() {
      return EventType.SECTION_DELETED;
    }
  }

  record NotesRevealed(String room, List<Note> notes, String by) implements BoardEvent {
    public EventType type() {
      return EventType.NOTES_REVEALED;
    }
  }

  /**
   * On the plenary's stream: a breakout room's notes copied into its section (new, or updated at a
   * repeated harvest); removed: ids of earlier copies whose notes are gone from the room.
   */
  record RoomsHarvested(String room, String roomName, Section section, List<Note> notes, List<String> removed,
      String by)
      implements BoardEvent {
    public EventType type() {
      return EventType.ROOMS_HARVESTED;
    }
  }

  record ParticipantJoined(Participant participant) implements BoardEvent {
    public EventType type() {
      return EventType.PARTICIPANT_JOINED;
    }
  }

  record ParticipantUpdated(String id, Map<String, Object> patch) implements BoardEvent {
    public EventType type() {
      return EventType.PARTICIPANT_UPDATED;
    }
  }

  record ParticipantRemoved(String id, String by) implements BoardEvent {
    public EventType type() {
      return EventType.PARTICIPANT_REMOVED;
    }
  }

  /**
   * Someone's data was erased: they left the board, and their notes are gone ({@code notesDeleted})
   * or kept with the author {@code anonymous}.
   */
  record ParticipantErased(String id, boolean notesDeleted, String by) implements BoardEvent {
    public EventType type() {
      return EventType.PARTICIPANT_ERASED;
    }
  }

  record SettingsUpdated(Map<String, Object> patch, String by) implements BoardEvent {
    public EventType type() {
      return EventType.SETTINGS_UPDATED;
    }
  }

  /** A link was renewed: the old one lets nobody in any more. Carries no secret. */
  record LinksRenewed(String kind, String by) implements BoardEvent {
    public EventType type() {
      return EventType.LINKS_RENEWED;
    }
  }

  record RoundStarted(Round round) implements BoardEvent {
    public EventType type() {
      return EventType.ROUND_STARTED;
    }
  }

  /** The closed round, with its results. */
  record RoundClosed(Round round, String by) implements BoardEvent {
    public EventType type() {
      return EventType.ROUND_CLOSED;
    }
  }

  record RoomsCreated(List<RoomInfo> rooms, String by) implements BoardEvent {
    public EventType type() {
      return EventType.ROOMS_CREATED;
    }
  }

  record RoomsAssigned(String mode, Map<String, String> assignments, String by) implements BoardEvent {
    public EventType type() {
      return EventType.ROOMS_ASSIGNED;
    }
  }

  record SnapshotTaken(SnapshotInfo snapshot) implements BoardEvent {
    public EventType type() {
      return EventType.SNAPSHOT_TAKEN;
    }
  }
}
