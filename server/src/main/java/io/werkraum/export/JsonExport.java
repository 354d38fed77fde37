package io.werkraum.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.werkraum.protocol.Limits;
import io.werkraum.protocol.Palette;
import io.werkraum.board.Rejection;
import io.werkraum.board.Round.Grouping;
import io.werkraum.export.BoardDocument.Note;
import io.werkraum.export.BoardDocument.Person;
import io.werkraum.export.BoardDocument.Ranked;
import io.werkraum.export.BoardDocument.Results;
import io.werkraum.export.BoardDocument.Room;
import io.werkraum.export.BoardDocument.Round;
import io.werkraum.export.BoardDocument.Section;
import io.werkraum.export.BoardDocument.SnapshotInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole board as JSON, and back. {@link #write} gives pretty UTF-8; {@link #read} checks a
 * file before anything is made from it: its size, that it is one JSON object of schema version
 * {@value BoardDocument#SCHEMA_VERSION}, every required field there with the right type, ids,
 * text lengths and counts within the limits of the domain. A refused file is a {@link Rejection}
 * with {@code invalid_input} and a message naming the field, e.g.
 * {@code rooms[1].notes[7].text: longer than 2000 characters}.
 *
 * <p>Unknown fields are ignored, so a file with extra information still imports.
 */
public final class JsonExport {
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  private static final int ORIGIN_FIELDS_MAX = 20;
  private static final int COLOR_MAX = 32;
  private static final Set<String> ROLES = Set.of("facilitator", "participant", "observer");
  private static final Set<String> STATUSES = Set.of("open", "closed");
  private static final Set<String> KINDS = Set.of("plenary", "breakout");
  private static final Set<String> COLORS = Set.copyOf(Palette.names());

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonExport() {}

  public static byte[] write(BoardDocument doc) {
    try {
      return WRITER.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the board as JSON", e);
    }
  }

  public static BoardDocument read(byte[] json) {
    if (json == null || json.length == 0) {
      throw Rejection.invalid("the file is empty");
    }
    if (json.length > MAX_BYTES) {
      throw Rejection.invalid("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      throw Rejection.invalid("the file is not valid JSON: " + why);
    }
    if (root == null || !root.isObject()) {
      throw Rejection.invalid("the file is not a JSON object");
    }
    Obj o = new Obj(root, "");
    JsonNode version = root.get("schemaVersion");
    if (version == null || version.isNull()) {
      throw Rejection.invalid("schemaVersion: missing; this is not a Werkraum board export");
    }
    if (!version.isIntegralNumber() || version.asLong() != BoardDocument.SCHEMA_VERSION) {
      throw Rejection.invalid("schemaVersion: " + version + " is not supported; this server reads version "
          + BoardDocument.SCHEMA_VERSION);
    }
    SnapshotInfo snapshot = o.optObj("snapshot", s -> new SnapshotInfo(s.id("id"), s.text("name", Limits.NAME_MAX),
        s.lng("takenAt")));
    List<Person> people = o.list("participants", Integer.MAX_VALUE, JsonExport::person);
    unique(people, Person::id, "participants");
    List<Room> rooms = o.list("rooms", 2 * Limits.ROOMS_MAX, JsonExport::room);
    unique(rooms, Room::id, "rooms");
    long plenaries = rooms.stream().filter(r -> "plenary".equals(r.kind())).count();
    if (plenaries > 1) {
      throw Rejection.invalid("rooms: more than one plenary room");
    }
    if (rooms.size() - plenaries > Limits.ROOMS_MAX) {
      throw Rejection.invalid("rooms: more than " + Limits.ROOMS_MAX + " breakout rooms");
    }
    List<Round> rounds = o.list("rounds", Limits.ROUNDS_MAX, JsonExport::round);
    unique(rounds, Round::id, "rounds");
    BoardDocument.Settings settings = o.optObj("settings", s -> new BoardDocument.Settings(s.bool("locked"),
        s.bool("privateWriting"), s.bool("breakoutOpen"), s.optText("broadcast", Limits.BROADCAST_MAX)));
    return new BoardDocument(BoardDocument.SCHEMA_VERSION, o.id("id"), o.text("title", Limits.TITLE_MAX),
        o.lng("createdAt"), o.lng("exportedAt"), snapshot, settings, people, rooms, rounds);
  }

  private static Person person(Obj p) {
    return new Person(p.id("id"), p.text("name", Limits.NAME_MAX), p.optText("organisation", Limits.NAME_MAX),
        p.oneOf("role", ROLES), p.optText("color", COLOR_MAX), p.lng("joinedAt"));
  }

  private static Room room(Obj r) {
    List<Section> sections = r.list("sections", Limits.SECTIONS_PER_ROOM_MAX, JsonExport::section);
    unique(sections, Section::id, r.path + "sections");
    List<Note> notes = r.list("notes", Limits.NOTES_PER_ROOM_MAX, JsonExport::note);
    unique(notes, Note::id, r.path + "notes");
    return new Room(r.id("id"), r.text("name", Limits.NAME_MAX), r.oneOf("kind", KINDS),
        r.lng("createdAt"), sections, notes);
  }

  private static Section section(Obj s) {
    return new Section(s.id("id"), s.coordinate("x"), s.coordinate("y"),
        s.size("w", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX),
        s.size("h", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX), s.optText("title", Limits.TITLE_MAX),
        s.optId("author"), s.lng("createdAt"), s.lng("updatedAt"), s.origin("origin"));
  }

  private static Note note(Obj n) {
    return new Note(n.id("id"), n.coordinate("x"), n.coordinate("y"),
        n.size("w", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX), n.size("h", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX),
        n.oneOf("color", COLORS), n.text("text", Limits.NOTE_TEXT_MAX), n.optId("author"),
        n.lng("createdAt"), n.lng("updatedAt"), n.origin("origin"));
  }

  private static Round round(Obj r) {
    List<String> sections = r.optIds("sections");
    Results results = r.optObj("results", x -> new Results(x.nonNegative("voters"), x.nonNegative("votes"),
        x.list("ranking", Limits.NOTES_PER_ROOM_MAX, JsonExport::ranked),
        x.optObj("grouping", g -> new Grouping(g.intBetween("threshold", 1, Integer.MAX_VALUE), g.bool("withheld")))));
    return new Round(r.id("id"), r.optText("title", Limits.TITLE_MAX), r.intBetween("votesPerParticipant", 1,
        Limits.VOTES_MAX), r.intBetween("maxPerNote", 1, Limits.VOTES_MAX), r.bool("anonymous"), r.id("room"),
        sections, r.oneOf("status", STATUSES), r.lng("startedAt"), r.optLng("endsAt"), r.optLng("closedAt"),
        results);
  }

  private static Ranked ranked(Obj k) {
    Map<String, Integer> byOrg = new LinkedHashMap<>();
    JsonNode orgs = k.node.get("byOrganisation");
    if (orgs == null || !orgs.isObject()) {
      throw Rejection.invalid(k.path + "byOrganisation: missing or not an object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = orgs.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().length() > Limits.NAME_MAX) {
        throw Rejection.invalid(k.path + "byOrganisation: an organisation longer than " + Limits.NAME_MAX
            + " characters");
      }
      if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
        throw Rejection.invalid(k.path + "byOrganisation." + e.getKey() + ": not a count");
      }
      byOrg.put(e.getKey(), e.getValue().asInt());
    }
    return new Ranked(k.id("note"), k.optText("text", Limits.NOTE_TEXT_MAX), k.nonNegative("count"), byOrg,
        k.absent("otherOrganisations") ? null : k.nonNegative("otherOrganisations"), k.optIds("voters"));
  }

  private static <T> void unique(List<T> items, Function<T, String> id, String path) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(id.apply(item))) {
        throw Rejection.invalid(path + ": the id '" + id.apply(item) + "' appears twice");
      }
    }
  }

  /** One JSON object being read, with its path for messages ({@code rooms[0].notes[3].}). */
  private static final class Obj {
    final JsonNode node;
    final String path;

    Obj(JsonNode node, String path) {
      this.node = node;
      this.path = path;
    }

    private JsonNode required(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        throw Rejection.invalid(path + field + ": missing");
      }
      return v;
    }

    private boolean absent(String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull();
    }

    private Rejection wrong(String field, String what) {
      return Rejection.invalid(path + field + ": " + what);
    }

    String text(String field, int max) {
      JsonNode v = required(field);
      if (!v.isTextual()) {
        throw wrong(field, "not a string");
      }
      String s = v.textValue();
      if (s.codePointCount(0, s.length()) > max) {
        throw wrong(field, "longer than " + max + " characters");
      }
      return s;
    }

    String optText(String field, int max) {
      return absent(field) ? null : text(field, max);
    }

    String id(String field) {
      String s = text(field, 64);
      if (!Limits.ID.matcher(s).matches()) {
        throw wrong(field, "'" + s + "' is not an id (1-64 characters of A-Z a-z 0-9 _ -)");
      }
      return s;
    }

    String optId(String field) {
      return absent(field) ? null : id(field);
    }

    List<String> optIds(String field) {
      if (absent(field)) {
        return null;
      }
      JsonNode v = node.get(field);
      if (!v.isArray()) {
        throw wrong(field, "not an array");
      }
      if (v.size() > Limits.NOTES_PER_ROOM_MAX) {
        throw wrong(field, "more than " + Limits.NOTES_PER_ROOM_MAX + " entries");
      }
      List<String> ids = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        if (!e.isTextual() || !Limits.ID.matcher(e.textValue()).matches()) {
          throw wrong(field + "[" + i + "]", "not an id (1-64 characters of A-Z a-z 0-9 _ -)");
        }
        ids.add(e.textValue());
      }
      return ids;
    }

    String oneOf(String field, Set<String> allowed) {
      String s = text(field, 64);
      if (!allowed.contains(s)) {
        throw wrong(field, "'" + s + "' is not one of " + allowed.stream().sorted().toList());
      }
      return s;
    }

    long lng(String field) {
      JsonNode v = required(field);
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw wrong(field, "not a whole number");
      }
      return v.longValue();
    }

    Long optLng(String field) {
      return absent(field) ? null : lng(field);
    }

    int intBetween(String field, int min, int max) {
      long v = lng(field);
      if (v < min || v > max) {
        throw wrong(field, v + " is not between " + min + " and " + max);
      }
      return (int) v;
    }

    int nonNegative(String field) {
      return intBetween(field, 0, Integer.MAX_VALUE);
    }

    boolean bool(String field) {
      JsonNode v = required(field);
      if (!v.isBoolean()) {
        throw wrong(field, "not true or false");
      }
      return v.booleanValue();
    }

    double number(String field) {
      JsonNode v = required(field);
      if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
        throw wrong(field, "not a number");
      }
      return v.doubleValue();
    }

    double coordinate(String field) {
      double d = number(field);
      if (Math.abs(d) > Limits.COORDINATE_MAX) {
        throw wrong(field, d + " is beyond +-" + (long) Limits.COORDINATE_MAX);
      }
      return d;
    }

    double size(String field, double min, double max) {
      double d = number(field);
      if (d < min || d > max) {
        throw wrong(field, d + " is not between " + (long) min + " and " + (long) max);
      }
      return d;
    }

    /** A small object of plain values (strings, numbers, booleans), such as a harvested note's origin. */
    Map<String, Object> origin(String field) {
      if (absent(field)) {
        return null;
      }
      JsonNode v = node.get(field);
      if (!v.isObject()) {
        throw wrong(field, "not an object");
      }
      if (v.size() > ORIGIN_FIELDS_MAX) {
        throw wrong(field, "more than " + ORIGIN_FIELDS_MAX + " fields");
      }
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode x = e.getValue();
        String name = field + "." + e.getKey();
        if (e.getKey().length() > 64) {
          throw wrong(field, "a field name longer than 64 characters");
        }
        if (x.isTextual()) {
          if (x.textValue().length() > Limits.NOTE_TEXT_MAX) {
            throw wrong(name, "longer than " + Limits.NOTE_TEXT_MAX + " characters");
          }
          map.put(e.getKey(), x.textValue());
        } else if (x.isNumber()) {
          map.put(e.getKey(), x.numberValue());
        } else if (x.isBoolean()) {
          map.put(e.getKey(), x.booleanValue());
        } else if (x.isNull()) {
          map.put(e.getKey(), null);
        } else {
          throw wrong(name, "not a string, number or boolean");
        }
      }
      return map;
    }

    <T> T optObj(String field, Function<Obj, T> read) {
      if (absent(field)) {
        return null;
      }
      JsonNode v = node.get(field);
      if (!v.isObject()) {
        throw wrong(field, "not an object");
      }
      return read.apply(new Obj(v, path + field + "."));
    }

    <T> List<T> list(String field, int max, Function<Obj, T> read) {
      JsonNode v = required(field);
      if (!v.isArray()) {
        throw wrong(field, "not an array");
      }
      if (v.size() > max) {
        throw wrong(field, "more than " + max + " entries");
      }
      List<T> items = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        String at = path + field + "[" + i + "]";
        if (!e.isObject()) {
          throw Rejection.invalid(at + ": not an object");
        }
        items.add(read.apply(new Obj(e, at + ".")));
      }
      return items;
    }
  }
}
