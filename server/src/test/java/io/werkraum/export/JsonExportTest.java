package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.board.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonExportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void roundTripIsLossless() {
    BoardDocument doc = SampleBoard.build();
    byte[] first = JsonExport.write(doc);
    BoardDocument read = JsonExport.read(first);
    assertEquals(doc, read);
    byte[] second = JsonExport.write(read);
    assertArrayEquals(first, second);
    String text = new String(first, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\n  \"schemaVersion\" : 1,"), text.substring(0, 40));
    assertTrue(text.contains("Straßenbahn öfter fahren"), "UTF-8 text as is");
  }

  @Test
  void refusesOversizedFiles() {
    byte[] big = new byte[JsonExport.MAX_BYTES + 1];
    Arrays.fill(big, (byte) ' ');
    assertRejected(big, "larger than 10 MB");
  }

  @Test
  void refusesMalformedJson() {
    assertRejected("{\"schemaVersion\": 1, \"id\": ".getBytes(StandardCharsets.UTF_8), "not valid JSON");
    assertRejected("{\"schemaVersion\": 1} trailing".getBytes(StandardCharsets.UTF_8), "not valid JSON");
    assertRejected("[1, 2]".getBytes(StandardCharsets.UTF_8), "not a JSON object");
    assertRejected(new byte[0], "empty");
  }

  @Test
  void refusesOtherVersions() {
    assertRejected(mutate(o -> o.put("schemaVersion", 2)), "schemaVersion: 2 is not supported");
    assertRejected(mutate(o -> o.remove("schemaVersion")), "schemaVersion: missing");
    assertRejected(mutate(o -> o.put("schemaVersion", "1")), "is not supported");
  }

  @Test
  void refusesBadIds() {
    assertRejected(mutate(o -> note(o, 1, 0).put("id", "bad id!")), "rooms[1].notes[0].id: 'bad id!' is not an id");
    assertRejected(mutate(o -> o.put("id", "x".repeat(65))), "id: longer than 64 characters");
    assertRejected(mutate(o -> note(o, 1, 1).put("id", "n1")), "rooms[1].notes: the id 'n1' appears twice");
  }

  @Test
  void refusesTooLongText() {
    assertRejected(mutate(o -> note(o, 1, 0).put("text", "ä".repeat(2001))),
        "rooms[1].notes[0].text: longer than 2000 characters");
    assertRejected(mutate(o -> o.put("title", "T".repeat(129))), "title: longer than 128 characters");
    assertRejected(mutate(o -> ((ObjectNode) o.withArray("participants").get(0)).put("name", "N".repeat(129))),
        "participants[0].name: longer than 128 characters");
    // exactly at the limits is fine
    JsonExport.read(mutate(o -> note(o, 1, 0).put("text", "ß".repeat(2000))));
  }

  @Test
  void refusesMissingAndWrongTypes() {
    assertRejected(mutate(o -> note(o, 1, 0).remove("text")), "rooms[1].notes[0].text: missing");
    assertRejected(mutate(o -> note(o, 1, 0).put("x", "links")), "rooms[1].notes[0].x: not a number");
    assertRejected(mutate(o -> note(o, 1, 0).put("color", "gold")), "rooms[1].notes[0].color: 'gold' is not one of");
    assertRejected(mutate(o -> o.put("rooms", 3)), "rooms: not an array");
    assertRejected(mutate(o -> ((ObjectNode) o.withArray("rounds").get(0)).put("anonymous", "nein")),
        "rounds[0].anonymous: not true or false");
  }

  @Test
  void refusesTooManyNotesAndRooms() {
    assertRejected(mutate(o -> {
      ArrayNode notes = room(o, 1).withArray("notes");
      ObjectNode template = (ObjectNode) notes.get(0);
      notes.removeAll();
      for (int i = 0; i < 5001; i++) {
        notes.add(template.deepCopy().put("id", "n" + i));
      }
    }), "rooms[1].notes: more than 5000 entries");
    assertRejected(mutate(o -> {
      ArrayNode rooms = o.withArray("rooms");
      ObjectNode template = (ObjectNode) rooms.get(0);
      for (int i = 0; i < 49; i++) {
        rooms.add(template.deepCopy().put("id", "extra" + i));
      }
    }), "rooms: more than 50 breakout rooms");
  }

  private static ObjectNode room(ObjectNode doc, int index) {
    return (ObjectNode) doc.withArray("rooms").get(index);
  }

  private static ObjectNode note(ObjectNode doc, int room, int index) {
    return (ObjectNode) room(doc, room).withArray("notes").get(index);
  }

  private static byte[] mutate(Consumer<ObjectNode> change) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(JsonExport.write(SampleBoard.build()));
      change.accept(tree);
      return MAPPER.writeValueAsBytes(tree);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRejected(byte[] json, String message) {
    Rejection r = assertThrows(Rejection.class, () -> JsonExport.read(json));
    assertEquals(ErrorCode.INVALID_INPUT, r.code());
    assertTrue(r.getMessage().contains(message), "expected '" + message + "' in: " + r.getMessage());
  }
}
