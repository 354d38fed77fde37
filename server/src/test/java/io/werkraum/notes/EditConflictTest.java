package io.werkraum.notes;

import static io.werkraum.testing.Replies.assertError;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import org.junit.jupiter.api.Test;

/**
 * Two people writing one note: a save that names the text it began from ({@code baseText}) is
 * refused when someone else saved meanwhile, inside the write, so it never silently overwrites;
 * the refusal carries the text now for the browser to merge or offer. Real frames, real Redis.
 */
class EditConflictTest extends NodeTest {

  private static JsonObject textUpdate(String id, String text, String baseText) {
    JsonObject command = Cmd.updateNote("main", id, new JsonObject().put("text", text));
    return baseText == null ? command : command.put("baseText", baseText);
  }

  private static String textOf(BridgeClient client, String id) {
    return Workshop.byId(Workshop.notes(client, "main"), id).getString("text");
  }

  @Test
  void aSaveBegunFromAnOlderTextIsRefusedWithTheTextNowAndChangesNothing() {
    try (Workshop w = Workshop.create(node, "Zusammen")) {
      BridgeClient anna = w.connect(w.join("Anna", "Jena"));
      BridgeClient ben = w.connect(w.join("Ben", "Gera"));
      anna.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Treffpunkt")));

      // Both opened the note on "Treffpunkt"; Anna saves first.
      anna.ok(textUpdate("n1", "Treffpunkt am Montag", "Treffpunkt"));
      JsonObject benSave = textUpdate("n1", "Neuer Treffpunkt", "Treffpunkt");
      JsonObject refused = ben.command(benSave);
      assertError("edit_conflict", refused);
      assertEquals("Treffpunkt am Montag", refused.getString("text"), refused.encode());
      assertEquals("Treffpunkt am Montag", textOf(anna, "n1"), "nothing overwritten");

      // The same command again gets the same answer (idempotent), even now that it would fit.
      anna.ok(textUpdate("n1", "Treffpunkt", "Treffpunkt am Montag"));
      assertError("edit_conflict", ben.command(benSave));
      assertEquals("Treffpunkt", textOf(anna, "n1"));

      // Begun from the text as it is now: saved. Without a base: saved as before (moves, colours).
      ben.ok(textUpdate("n1", "Neuer Treffpunkt", "Treffpunkt"));
      assertEquals("Neuer Treffpunkt", textOf(anna, "n1"));
      anna.ok(textUpdate("n1", "Treffpunkt Rathaus", null));
      assertEquals("Treffpunkt Rathaus", textOf(ben, "n1"));
    }
  }

  @Test
  void aBaseTextGoesOnlyWithANewTextAndWithinTheTextLimit() {
    try (Workshop w = Workshop.create(node, "Regeln")) {
      BridgeClient anna = w.connect(w.join("Anna", "Jena"));
      anna.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "A")));
      assertError("invalid_input", anna.command(Cmd.updateNote("main", "n1", new JsonObject().put("x", 5)).put("baseText", "A")));
      assertError("invalid_input", anna.command(textUpdate("n1", "B", "a".repeat(2001))));
      assertError("invalid_input", anna.command(textUpdate("n1", "B", null).put("baseText", 7)));
      assertEquals("A", textOf(anna, "n1"));
      assertEquals(0.0, Workshop.byId(Workshop.notes(anna, "main"), "n1").getDouble("x"));
    }
  }

  @Test
  void aConflictOnAHiddenNoteDoesNotTellItsText() {
    try (Workshop w = Workshop.create(node, "Verdeckt")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      BridgeClient anna = w.connect(w.join("Anna", "Jena"));
      fac.ok(Cmd.command("private.set").put("on", true));
      anna.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "Geheim")));
      JsonObject refused = fac.command(textUpdate("n1", "Anders", "Geraten"));
      assertError("edit_conflict", refused);
      assertFalse(refused.containsKey("text"), "a hidden text stays hidden: " + refused.encode());
      // Its author gets her own text back.
      JsonObject own = anna.command(textUpdate("n1", "Anders", "Geraten"));
      assertError("edit_conflict", own);
      assertEquals("Geheim", own.getString("text"));
    }
  }
}
