package io.werkraum.board;

import java.util.Map;

/** Every stored event. The wire form is the record's fields plus {@code type}, {@code seq} and {@code at}. */
public sealed interface BoardEvent {
  String type();

  record NoteCreated(String room, Note note) implements BoardEvent {
    public String type() {
      return "note.created";
    }
  }

  record NoteUpdated(String room, String id, Map<String, Object> patch, String by, long updatedAt)
      implements BoardEvent {
    public String type() {
      return "note.updated";
    }
  }

  record NoteDeleted(String room, String id, String by) implements BoardEvent {
    public String type() {
      return "note.deleted";
    }
  }

  record SectionCreated(String room, Section section) implements BoardEvent {
    public String type() {
      return "section.created";
    }
  }

  record SectionUpdated(String room, String id, Map<String, Object> patch, String by, long updatedAt)
      implements BoardEvent {
    public String type() {
      return "section.updated";
    }
  }

  record SectionDeleted(String room, String id, String by) implements BoardEvent {
    public String type() {
      return "section.deleted";
    }
  }

  record ParticipantJoined(Participant participant) implements BoardEvent {
    public String type() {
      return "participant.joined";
    }
  }

  record ParticipantUpdated(String id, Map<String, Object> patch) implements BoardEvent {
    public String type() {
      return "participant.updated";
    }
  }

  record ParticipantRemoved(String id, String by) implements BoardEvent {
    public String type() {
      return "participant.removed";
    }
  }

  record SettingsUpdated(Map<String, Object> patch, String by) implements BoardEvent {
    public String type() {
      return "settings.updated";
    }
  }

  record RoundStarted(Round round) implements BoardEvent {
    public String type() {
      return "round.started";
    }
  }

  /** The store fills in the closed round with its results. */
  record RoundClosed(Object round, String by) implements BoardEvent {
    public String type() {
      return "round.closed";
    }
  }

  record RoomsCreated(java.util.List<RoomInfo> rooms, String by) implements BoardEvent {
    public String type() {
      return "rooms.created";
    }
  }

  record RoomsAssigned(String mode, Map<String, String> assignments, String by) implements BoardEvent {
    public String type() {
      return "rooms.assigned";
    }
  }

  /** The store fills in the new section and the copied notes. */
  record RoomsHarvested(String room, String roomName, Object section, Object notes, String by)
      implements BoardEvent {
    public String type() {
      return "rooms.harvested";
    }
  }

  record SnapshotTaken(SnapshotInfo snapshot) implements BoardEvent {
    public String type() {
      return "snapshot.taken";
    }
  }

  /** The store fills in the revealed notes. */
  record NotesRevealed(String room, Object notes, String by) implements BoardEvent {
    public String type() {
      return "notes.revealed";
    }
  }
}
