package io.werkraum.board;

import static io.werkraum.board.JsonFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkraum.board.Command.*;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a command body from the wire into a validated {@link Command}. It is the one place that
 * checks input: a body is accepted whole or rejected whole.
 */
public final class CommandParser {
  private static final Set<String> ROOM_ITEM = Set.of("type", "commandId", "room", "id");
  private static final Set<String> ROOM_PATCH = Set.of("type", "commandId", "room", "id", "patch");
  private static final Set<String> NOTE_FIELDS = Set.of("id", "x", "y", "w", "h", "color", "text");
  private static final Set<String> NOTE_PATCH = Set.of("x", "y", "w", "h", "color", "text");
  private static final Set<String> SECTION_FIELDS = Set.of("id", "x", "y", "w", "h", "title");
  private static final Set<String> SECTION_PATCH = Set.of("x", "y", "w", "h", "title");
  private static final Set<String> PARTICIPANT_PATCH = Set.of("name", "organisation", "hand", "ready");
  private static final Set<String> BARE = Set.of("type", "commandId");

  private CommandParser() {}

  public static Command parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw Rejection.invalid("a command must be a JSON object");
    }
    String type = string(body, "type", 64);
    String commandId = id(body, "commandId");
    switch (type) {
      case "note.create" -> {
        onlyFields(body, type, Set.of("type", "commandId", "room", "note"));
        return new CreateNote(commandId, id(body, "room"), noteDraft(object(body, "note")));
      }
      case "note.update" -> {
        onlyFields(body, type, ROOM_PATCH);
        return new UpdateNote(
            commandId, id(body, "room"), id(body, "id"), notePatch(object(body, "patch")));
      }
      case "note.delete" -> {
        onlyFields(body, type, ROOM_ITEM);
        return new DeleteNote(commandId, id(body, "room"), id(body, "id"));
      }
      case "section.create" -> {
        onlyFields(body, type, Set.of("type", "commandId", "room", "section"));
        return new CreateSection(
            commandId, id(body, "room"), sectionDraft(object(body, "section")));
      }
      case "section.update" -> {
        onlyFields(body, type, ROOM_PATCH);
        return new UpdateSection(
            commandId, id(body, "room"), id(body, "id"), sectionPatch(object(body, "patch")));
      }
      case "section.delete" -> {
        onlyFields(body, type, ROOM_ITEM);
        return new DeleteSection(commandId, id(body, "room"), id(body, "id"));
      }
      case "participant.update" -> {
        onlyFields(body, type, Set.of("type", "commandId", "patch"));
        return new UpdateParticipant(commandId, participantPatch(object(body, "patch")));
      }
      case "board.lock" -> {
        onlyFields(body, type, Set.of("type", "commandId", "locked"));
        return new LockBoard(commandId, bool(body, "locked"));
      }
      case "spotlight.set" -> {
        onlyFields(body, type, ROOM_ITEM);
        return new Spotlight(commandId, id(body, "room"), id(body, "id"));
      }
      case "spotlight.clear" -> {
        onlyFields(body, type, BARE);
        return new Spotlight(commandId, null, null);
      }
      case "view.bring" -> {
        onlyFields(body, type, Set.of("type", "commandId", "viewport"));
        JsonNode viewport = object(body, "viewport");
        onlyFields(viewport, "viewport", Set.of("x", "y", "zoom"));
        return new BringToView(commandId, new Viewport(
            number(viewport, "x", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX),
            number(viewport, "y", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX),
            exactNumber(viewport, "zoom", Limits.ZOOM_MIN, Limits.ZOOM_MAX)));
      }
      case "view.follow" -> {
        onlyFields(body, type, Set.of("type", "commandId", "on"));
        return new Follow(commandId, bool(body, "on"));
      }
      case "broadcast.send" -> {
        onlyFields(body, type, Set.of("type", "commandId", "text"));
        String text = string(body, "text", Limits.BROADCAST_MAX).strip();
        if (text.isEmpty()) {
          throw Rejection.invalid("field 'text' must not be blank");
        }
        return new Broadcast(commandId, text);
      }
      case "broadcast.clear" -> {
        onlyFields(body, type, BARE);
        return new Broadcast(commandId, null);
      }
      case "timer.start" -> {
        onlyFields(body, type, Set.of("type", "commandId", "durationMs"));
        return new TimerCommand(commandId, TimerAction.START, integer(body, "durationMs", 1_000, Limits.TIMER_MAX_MS));
      }
      case "timer.add" -> {
        onlyFields(body, type, Set.of("type", "commandId", "ms"));
        return new TimerCommand(commandId, TimerAction.ADD, integer(body, "ms", -Limits.TIMER_MAX_MS, Limits.TIMER_MAX_MS));
      }
      case "timer.pause", "timer.resume", "timer.reset" -> {
        onlyFields(body, type, BARE);
        TimerAction action = TimerAction.valueOf(type.substring("timer.".length()).toUpperCase(Locale.ROOT));
        return new TimerCommand(commandId, action, 0);
      }
      case "participant.remove" -> {
        onlyFields(body, type, Set.of("type", "commandId", "id"));
        return new RemoveParticipant(commandId, id(body, "id"));
      }
      case "links.get" -> {
        onlyFields(body, type, BARE);
        return new GetLinks(commandId);
      }
      case "links.renew" -> {
        onlyFields(body, type, Set.of("type", "commandId", "kind"));
        String kind = string(body, "kind", 16);
        if (!kind.equals("participant") && !kind.equals("observer")) {
          throw Rejection.invalid("field 'kind' must be participant or observer");
        }
        return new RenewLink(commandId, LinkKind.valueOf(kind.toUpperCase(Locale.ROOT)));
      }
      case "round.start" -> {
        onlyFields(body, type, Set.of("type", "commandId", "round"));
        return new StartRound(commandId, roundDraft(object(body, "round")));
      }
      case "round.close" -> {
        onlyFields(body, type, Set.of("type", "commandId", "round"));
        return new CloseRound(commandId, id(body, "round"));
      }
      case "round.show" -> {
        onlyFields(body, type, Set.of("type", "commandId", "round"));
        return new ShowRound(commandId, body.hasNonNull("round") ? id(body, "round") : null);
      }
      case "private.set" -> {
        onlyFields(body, type, Set.of("type", "commandId", "on"));
        return new SetPrivateWriting(commandId, bool(body, "on"));
      }
      case "private.reveal" -> {
        onlyFields(body, type, Set.of("type", "commandId", "room"));
        return new RevealNotes(commandId, id(body, "room"));
      }
      case "rooms.create" -> {
        onlyFields(body, type, Set.of("type", "commandId", "rooms", "templateSection"));
        JsonNode rooms = body.get("rooms");
        if (rooms == null || !rooms.isArray() || rooms.isEmpty() || rooms.size() > Limits.ROOMS_MAX) {
          throw Rejection.invalid("field 'rooms' must list 1 to " + Limits.ROOMS_MAX + " rooms");
        }
        java.util.List<RoomDraft> drafts = new java.util.ArrayList<>();
        for (JsonNode room : rooms) {
          if (!room.isObject()) {
            throw Rejection.invalid("each room must be an object");
          }
          onlyFields(room, "room", Set.of("id", "name"));
          String id = id(room, "id");
          if (id.equals(Limits.MAIN_ROOM) || drafts.stream().anyMatch(d -> d.id().equals(id))) {
            throw Rejection.invalid("room ids must be distinct and not '" + Limits.MAIN_ROOM + "'");
          }
          drafts.add(new RoomDraft(id, label(room, "name")));
        }
        return new CreateRooms(commandId, drafts,
            body.hasNonNull("templateSection") ? id(body, "templateSection") : null);
      }
      case "rooms.assign" -> {
        onlyFields(body, type, Set.of("type", "commandId", "mode", "assignments"));
        String mode = string(body, "mode", 16);
        AssignMode assignMode;
        try {
          assignMode = AssignMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw Rejection.invalid("field 'mode' must be random, balanced, manual or choice");
        }
        java.util.Map<String, String> assignments = new java.util.LinkedHashMap<>();
        if (assignMode == AssignMode.MANUAL) {
          JsonNode given = object(body, "assignments");
          if (given.size() > 1_000) {
            throw Rejection.invalid("too many assignments");
          }
          for (var it = given.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!Limits.ID.matcher(entry.getKey()).matches()
                || !(entry.getValue().isNull() || (entry.getValue().isTextual()
                    && Limits.ID.matcher(entry.getValue().textValue()).matches()))) {
              throw Rejection.invalid("assignments map participant ids to room ids or null");
            }
            assignments.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().textValue());
          }
        } else if (body.has("assignments")) {
          throw Rejection.invalid("assignments go only with the manual mode");
        }
        return new AssignRooms(commandId, assignMode, assignments);
      }
      case "participant.move" -> {
        onlyFields(body, type, Set.of("type", "commandId", "id", "room"));
        return new MoveParticipant(commandId, id(body, "id"), body.hasNonNull("room") ? id(body, "room") : null);
      }
      case "room.choose" -> {
        onlyFields(body, type, Set.of("type", "commandId", "room"));
        return new ChooseRoom(commandId, id(body, "room"));
      }
      case "rooms.open", "rooms.close" -> {
        onlyFields(body, type, BARE);
        return new SetBreakout(commandId, type.equals("rooms.open"));
      }
      case "snapshot.take" -> {
        onlyFields(body, type, Set.of("type", "commandId", "name"));
        return new TakeSnapshot(commandId, label(body, "name"));
      }
      case "rooms.harvest" -> {
        onlyFields(body, type, Set.of("type", "commandId", "room"));
        return new HarvestRoom(commandId, id(body, "room"));
      }
      case "vote.cast", "vote.retract" -> {
        onlyFields(body, type, Set.of("type", "commandId", "round", "note"));
        String round = id(body, "round");
        String note = id(body, "note");
        return type.equals("vote.cast")
            ? new CastVote(commandId, round, note)
            : new RetractVote(commandId, round, note);
      }
      case "sync" -> {
        onlyFields(body, type, Set.of("type", "commandId", "room", "boardSeq", "roomSeq"));
        return new Sync(
            commandId,
            id(body, "room"),
            optionalSequence(body, "boardSeq"),
            optionalSequence(body, "roomSeq"));
      }
      case "rooms.watch" -> {
        onlyFields(body, type, Set.of("type", "commandId", "rooms"));
        JsonNode rooms = body.get("rooms");
        if (rooms == null || !rooms.isObject() || rooms.isEmpty() || rooms.size() > Limits.ROOMS_MAX + 1) {
          throw Rejection.invalid("field 'rooms' must map 1 to " + (Limits.ROOMS_MAX + 1) + " room ids to a sequence number or null");
        }
        java.util.Map<String, Long> watched = new java.util.LinkedHashMap<>();
        rooms.fieldNames().forEachRemaining(room -> {
          if (!Limits.ID.matcher(room).matches()) {
            throw Rejection.invalid("'" + room + "' is not a room id");
          }
          watched.put(room, optionalSequence(rooms, room));
        });
        return new WatchRooms(commandId, watched);
      }
      default -> throw new Rejection(ErrorCode.UNKNOWN_COMMAND, "unknown command type '" + type + "'");
    }
  }

  private static RoundDraft roundDraft(JsonNode round) {
    onlyFields(round, "round", Set.of("id", "title", "votesPerParticipant", "maxPerNote", "anonymous",
        "room", "sections", "durationMs"));
    Long votes = optionalInteger(round, "votesPerParticipant", 1, Limits.VOTES_MAX);
    int budget = votes == null ? Limits.VOTES_DEFAULT : votes.intValue();
    Long perNote = optionalInteger(round, "maxPerNote", 1, Limits.VOTES_MAX);
    int cap = perNote == null ? Math.min(Limits.VOTES_PER_NOTE_DEFAULT, budget) : perNote.intValue();
    if (cap > budget) {
      throw Rejection.invalid("maxPerNote cannot exceed votesPerParticipant");
    }
    Boolean anonymous = optionalBool(round, "anonymous");
    String room = round.hasNonNull("room") ? id(round, "room") : Limits.MAIN_ROOM;
    String title = optionalString(round, "title", Limits.TITLE_MAX);
    Long duration = optionalInteger(round, "durationMs", Limits.ROUND_DURATION_MIN_MS, Limits.ROUND_DURATION_MAX_MS);
    return new RoundDraft(id(round, "id"), title == null ? "" : title.strip(), budget, cap,
        anonymous == null || anonymous, room, ids(round, "sections"), duration);
  }

  private static NoteDraft noteDraft(JsonNode note) {
    onlyFields(note, "note", NOTE_FIELDS);
    Double w = optionalNumber(note, "w", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX);
    Double h = optionalNumber(note, "h", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX);
    String color = color(note, "color");
    String text = optionalString(note, "text", Limits.NOTE_TEXT_MAX);
    return new NoteDraft(
        id(note, "id"),
        coordinate(note, "x"),
        coordinate(note, "y"),
        w == null ? Limits.NOTE_SIZE_DEFAULT : w,
        h == null ? Limits.NOTE_SIZE_DEFAULT : h,
        color == null ? Limits.NOTE_COLOR_DEFAULT : color,
        text == null ? "" : text);
  }

  private static SectionDraft sectionDraft(JsonNode section) {
    onlyFields(section, "section", SECTION_FIELDS);
    String title = optionalString(section, "title", Limits.TITLE_MAX);
    return new SectionDraft(
        id(section, "id"),
        coordinate(section, "x"),
        coordinate(section, "y"),
        number(section, "w", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX),
        number(section, "h", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX),
        title == null ? "" : title.strip());
  }

  private static Patch notePatch(JsonNode patch) {
    onlyFields(patch, "patch", NOTE_PATCH);
    Map<String, Object> fields = new LinkedHashMap<>();
    putIfPresent(fields, "x", optionalNumber(patch, "x", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX));
    putIfPresent(fields, "y", optionalNumber(patch, "y", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX));
    putIfPresent(fields, "w", optionalNumber(patch, "w", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX));
    putIfPresent(fields, "h", optionalNumber(patch, "h", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX));
    putIfPresent(fields, "color", color(patch, "color"));
    putIfPresent(fields, "text", optionalString(patch, "text", Limits.NOTE_TEXT_MAX));
    return nonEmpty(fields);
  }

  private static Patch sectionPatch(JsonNode patch) {
    onlyFields(patch, "patch", SECTION_PATCH);
    Map<String, Object> fields = new LinkedHashMap<>();
    putIfPresent(fields, "x", optionalNumber(patch, "x", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX));
    putIfPresent(fields, "y", optionalNumber(patch, "y", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX));
    putIfPresent(fields, "w", optionalNumber(patch, "w", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX));
    putIfPresent(fields, "h", optionalNumber(patch, "h", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX));
    String title = optionalString(patch, "title", Limits.TITLE_MAX);
    putIfPresent(fields, "title", title == null ? null : title.strip());
    return nonEmpty(fields);
  }

  private static Patch participantPatch(JsonNode patch) {
    onlyFields(patch, "patch", PARTICIPANT_PATCH);
    Map<String, Object> fields = new LinkedHashMap<>();
    if (patch.has("name")) {
      fields.put("name", label(patch, "name"));
    }
    if (patch.has("organisation")) {
      fields.put("organisation", organisation(patch));
    }
    if (patch.has("hand")) {
      fields.put("hand", bool(patch, "hand"));
    }
    if (patch.has("ready")) {
      fields.put("ready", bool(patch, "ready"));
    }
    return nonEmpty(fields);
  }

  /** An optional one-line organisation; blank means none. */
  public static String organisation(JsonNode parent) {
    String value = optionalString(parent, "organisation", Limits.NAME_MAX);
    if (value == null) {
      return "";
    }
    value = value.strip();
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw Rejection.invalid("field 'organisation' must be one line");
    }
    return value;
  }

  /** A required one-line display name or title. */
  public static String label(JsonNode parent, String name) {
    return JsonFields.label(parent, name, Limits.NAME_MAX);
  }

  private static double coordinate(JsonNode node, String name) {
    return number(node, name, -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX);
  }

  private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
  }

  private static Patch nonEmpty(Map<String, Object> fields) {
    if (fields.isEmpty()) {
      throw Rejection.invalid("a patch must change at least one field");
    }
    return new Patch(fields);
  }
}
