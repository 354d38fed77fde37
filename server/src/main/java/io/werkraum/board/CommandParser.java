package io.werkraum.board;

import static io.werkraum.board.JsonFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.werkraum.board.Command.*;
import java.util.LinkedHashMap;
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
  private static final Set<String> PARTICIPANT_PATCH = Set.of("name", "organisation");

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
      case "sync" -> {
        onlyFields(body, type, Set.of("type", "commandId", "room", "boardSeq", "roomSeq"));
        return new Sync(
            commandId,
            id(body, "room"),
            optionalSequence(body, "boardSeq"),
            optionalSequence(body, "roomSeq"));
      }
      default -> throw new Rejection(ErrorCode.UNKNOWN_COMMAND, "unknown command type '" + type + "'");
    }
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
