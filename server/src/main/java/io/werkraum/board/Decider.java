package io.werkraum.board;

import io.werkraum.board.BoardEvent.*;
import io.werkraum.board.Command.*;
import io.werkraum.board.Mutation.Collection;
import io.werkraum.board.Mutation.Op;
import java.util.Map;

/** Decides, for an authorised command, the mutation the store is to apply. Pure: no I/O. */
public final class Decider {
  /** The id of the one settings item of a board. */
  public static final String SETTINGS_ITEM = "board";

  private Decider() {}

  /**
   * @param now server time in milliseconds, stamped into the item and event
   * @throws Rejection when the actor may not send the command
   */
  public static Mutation decide(Actor actor, Command command, long now) {
    Permissions.check(actor, command);
    String by = actor.participantId();
    Mutation settings = settingsChange(command, by, now);
    if (settings != null) {
      return settings;
    }
    return roomChange(command, by, now).byParticipantUnlessFacilitator(actor);
  }

  /** Changes to notes and sections, bound by the lock and private writing unless by a facilitator. */
  private static Mutation roomChange(Command command, String by, long now) {
    if (command instanceof CreateNote c) {
      NoteDraft d = c.note();
      Note note = new Note(d.id(), d.x(), d.y(), d.w(), d.h(), d.color(), d.text(), by, now, now);
      return new Mutation(c.room(), Collection.NOTES, Op.CREATE, d.id(), note, null,
          new NoteCreated(c.room(), note));
    }
    if (command instanceof UpdateNote c) {
      return new Mutation(c.room(), Collection.NOTES, Op.UPDATE, c.id(), null, c.patch(),
          new NoteUpdated(c.room(), c.id(), c.patch().fields(), by, now));
    }
    if (command instanceof DeleteNote c) {
      return new Mutation(c.room(), Collection.NOTES, Op.DELETE, c.id(), null, null,
          new NoteDeleted(c.room(), c.id(), by));
    }
    if (command instanceof CreateSection c) {
      SectionDraft d = c.section();
      Section section = new Section(d.id(), d.x(), d.y(), d.w(), d.h(), d.title(), by, now, now);
      return new Mutation(c.room(), Collection.SECTIONS, Op.CREATE, d.id(), section, null,
          new SectionCreated(c.room(), section));
    }
    if (command instanceof UpdateSection c) {
      return new Mutation(c.room(), Collection.SECTIONS, Op.UPDATE, c.id(), null, c.patch(),
          new SectionUpdated(c.room(), c.id(), c.patch().fields(), by, now));
    }
    if (command instanceof DeleteSection c) {
      return new Mutation(c.room(), Collection.SECTIONS, Op.DELETE, c.id(), null, null,
          new SectionDeleted(c.room(), c.id(), by));
    }
    throw new IllegalArgumentException(command.getClass().getSimpleName() + " does not mutate");
  }

  /** Board-level changes: participants, settings, rounds; null for anything else. */
  private static Mutation settingsChange(Command command, String by, long now) {
    if (command instanceof UpdateParticipant c) {
      return new Mutation(null, Collection.PARTICIPANTS, Op.UPDATE, by, null, c.patch(),
          new ParticipantUpdated(by, c.patch().fields()));
    }
    if (command instanceof RemoveParticipant c) {
      if (c.id().equals(by)) {
        throw Rejection.invalid("facilitators cannot remove themselves");
      }
      return new Mutation(null, Collection.PARTICIPANTS, Op.DELETE, c.id(), null, null,
          new ParticipantRemoved(c.id(), by));
    }
    if (command instanceof LockBoard c) {
      return settings(by, "locked", c.locked());
    }
    if (command instanceof Spotlight c) {
      return settings(by, "spotlight", c.id() == null ? null : Map.of("room", c.room(), "id", c.id()));
    }
    if (command instanceof BringToView c) {
      Viewport v = c.viewport();
      return settings(by, "focus", Map.of(
          "viewport", Map.of("x", v.x(), "y", v.y(), "zoom", v.zoom()), "by", by, "at", now));
    }
    if (command instanceof Follow c) {
      return settings(by, "follow", c.on() ? by : null);
    }
    if (command instanceof Broadcast c) {
      return settings(by, "broadcast", c.text() == null ? null : Map.of("text", c.text(), "by", by, "at", now));
    }
    if (command instanceof MoveParticipant c) {
      return participantRoom(c.id(), c.target(), by);
    }
    if (command instanceof ChooseRoom c) {
      return participantRoom(by, c.target(), by);
    }
    if (command instanceof SetPrivateWriting c) {
      return settings(by, "privateWriting", c.on());
    }
    if (command instanceof RevealNotes c) {
      return new Mutation(c.room(), Collection.NOTES, Op.REVEAL, "hidden", null, null,
          new NotesRevealed(c.room(), null, by));
    }
    if (command instanceof SetBreakout c) {
      return settings(by, "breakout", c.open() ? "open" : "closed");
    }
    if (command instanceof ShowRound c) {
      return settings(by, "shownRound", c.round());
    }
    if (command instanceof StartRound c) {
      RoundDraft d = c.round();
      Round round = new Round(d.id(), d.title(), d.votesPerParticipant(), d.maxPerNote(), d.anonymous(),
          d.room(), d.sections(), Round.OPEN, now, d.durationMs() == null ? null : now + d.durationMs(), by);
      return new Mutation(null, Collection.ROUNDS, Op.CREATE, d.id(), round, null, new RoundStarted(round));
    }
    return null;
  }

  private static Mutation participantRoom(String participant, String room, String by) {
    Map<String, Object> fields = new java.util.HashMap<>();
    fields.put("room", room);
    Patch patch = new Patch(fields);
    return new Mutation(null, Collection.PARTICIPANTS, Op.UPDATE, participant, null, patch,
        new ParticipantUpdated(participant, patch.fields()));
  }

  /**
   * New breakout rooms; {@code notes} and {@code sections} are the plenary items each starts
   * with (copies of a template section), chosen by the caller.
   */
  public static Mutation createRooms(Actor actor, CreateRooms command, java.util.List<Object> notes,
      java.util.List<Object> sections, long now) {
    Permissions.check(actor, command);
    java.util.List<RoomInfo> rooms = command.rooms().stream()
        .map(r -> new RoomInfo(r.id(), r.name(), RoomInfo.BREAKOUT, now)).toList();
    return new Mutation(null, Collection.ROOMS, Op.CREATE_ROOMS, "rooms",
        new Mutation.RoomsSpec(rooms, notes, sections), null, new RoomsCreated(rooms, actor.participantId()));
  }

  /** Everyone's room at once, as the facilitator's chosen mode worked it out. */
  public static Mutation assignRooms(Actor actor, AssignRooms command, Map<String, String> assignments) {
    Permissions.check(actor, command);
    String mode = command.mode().name().toLowerCase(java.util.Locale.ROOT);
    return new Mutation(null, Collection.PARTICIPANTS, Op.ASSIGN, "participants",
        new Mutation.AssignSpec(mode, assignments), null, new RoomsAssigned(mode, assignments, actor.participantId()));
  }

  /** A room's result into the plenary, as a section titled with the room's name. */
  public static Mutation harvest(Actor actor, HarvestRoom command, String roomName, String sectionId) {
    Permissions.check(actor, command);
    String by = actor.participantId();
    return new Mutation(Limits.MAIN_ROOM, Collection.NOTES, Op.HARVEST, command.room(),
        new Mutation.HarvestSpec(command.room(), roomName, sectionId, by), null,
        new RoomsHarvested(command.room(), roomName, null, null, by));
  }

  /** Records a snapshot whose content was stored under its id. */
  public static Mutation snapshot(SnapshotInfo snapshot) {
    return new Mutation(null, Collection.SNAPSHOTS, Op.CREATE, snapshot.id(), snapshot, null,
        new SnapshotTaken(snapshot));
  }

  /** Closes a round of {@code room}: the store tallies its votes atomically. */
  public static Mutation closeRound(Actor actor, CloseRound command, String room) {
    Permissions.check(actor, command);
    return new Mutation(null, Collection.ROUNDS, Op.CLOSE_ROUND, command.round(), room, null,
        new RoundClosed(null, actor.participantId()));
  }

  /**
   * The timer after a timer command, as a settings change that applies only if the settings are
   * still at {@code version} (two facilitators pressing at once do not overwrite each other).
   */
  public static Mutation timer(Actor actor, TimerCommand command, Timer current, long version, long now) {
    Permissions.check(actor, command);
    Timer next = switch (command.action()) {
      case START -> current.start(command.ms(), now);
      case PAUSE -> current.pause(now);
      case RESUME -> current.resume(now);
      case ADD -> current.add(command.ms(), now);
      case RESET -> current.reset();
    };
    return settings(actor.participantId(), "timer", next).expecting(version);
  }

  private static Mutation settings(String by, String field, Object value) {
    Map<String, Object> fields = new java.util.HashMap<>();
    fields.put(field, value);
    Patch patch = new Patch(fields);
    return new Mutation(null, Collection.SETTINGS, Op.UPDATE, SETTINGS_ITEM, null, patch,
        new SettingsUpdated(patch.fields(), by));
  }

  /** The mutation that records a new participant on the board stream. */
  public static Mutation join(Participant participant) {
    return new Mutation(null, Collection.PARTICIPANTS, Op.CREATE, participant.id(), participant, null,
        new ParticipantJoined(participant));
  }
}
