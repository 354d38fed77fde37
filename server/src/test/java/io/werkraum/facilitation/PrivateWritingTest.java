package io.werkraum.facilitation;

import static io.werkraum.testing.Workshop.byId;
import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import org.junit.jupiter.api.Test;

/**
 * Private writing: while on, a participant's new notes keep their text from everyone but their
 * author and the facilitators, over every path a text could travel, until the facilitator
 * reveals them.
 */
class PrivateWritingTest extends NodeTest {
  private static final String SECRET = "Unser Jugendzentrum schließt zu früh";


  /** Every frame a socket received, as one text: a private text must not be anywhere in it. */
  private static String everything(BridgeClient client) {
    return client.frames().toString();
  }

  @Test
  void othersNeverReceiveAHiddenTextUntilItIsRevealed() {
    try (Workshop w = Workshop.create(node, "Stillarbeit")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.register(w.boardAddress());
      fac.register(w.facilitatorsAddress());
      fac.registerAndWait(w.roomAddress("main"));
      JsonObject anna = w.join("Anna", "Jena");
      BridgeClient a = w.connect(anna);
      a.register(w.personalAddress(participantId(anna)));
      a.registerAndWait(w.roomAddress("main"));
      BridgeClient ben = w.joinAndListen("Ben");

      fac.ok(Cmd.command("private.set").put("on", true));
      a.ok(Cmd.createNote("main", Cmd.note("secret", 0, 0).put("text", SECRET)));
      a.ok(Cmd.updateNote("main", "secret", new JsonObject().put("text", SECRET + "!")));

      // Ben sees that a note exists, without its text.
      JsonObject created = ben.awaitMessage(w.roomAddress("main"), e -> "note.created".equals(e.getString("type")));
      assertTrue(created.getBoolean("hidden"));
      assertEquals("", created.getJsonObject("note").getString("text"));
      ben.awaitMessage(w.roomAddress("main"), e -> "note.updated".equals(e.getString("type")));
      JsonObject benState = Workshop.notes(ben, "main").getJsonObject(0);
      assertEquals("", benState.getString("text"));
      JsonObject delta = ben.command(Cmd.sync("main", null, 0L));
      assertFalse(everything(ben).contains("Jugendzentrum"), "no hidden text reaches Ben: " + delta.encode());

      // The author and the facilitator read it: live on their own addresses and in their syncs.
      a.awaitMessage(w.personalAddress(participantId(anna)), e -> "note.private".equals(e.getString("type")));
      fac.awaitMessage(w.facilitatorsAddress(), e -> "note.private".equals(e.getString("type")));
      assertEquals(SECRET + "!", byId(Workshop.notes(a, "main"), "secret").getString("text"));
      assertEquals(SECRET + "!", byId(Workshop.notes(fac, "main"), "secret").getString("text"));

      // Nobody else can change a text they cannot see.
      JsonObject edit = ben.command(Cmd.updateNote("main", "secret", new JsonObject().put("text", "überschrieben")));
      assertEquals("not_allowed", edit.getString("code"), edit.encode());
      assertEquals("not_allowed", ben.command(Cmd.deleteNote("main", "secret")).getString("code"));

      // A facilitator's own notes stay public.
      fac.ok(Cmd.createNote("main", Cmd.note("question", 300, 0).put("text", "Was fehlt?")));
      assertEquals("Was fehlt?", byId(Workshop.notes(ben, "main"), "question").getString("text"));

      fac.ok(Cmd.command("private.reveal").put("room", "main"));
      JsonObject revealed = ben.awaitMessage(w.roomAddress("main"), e -> "notes.revealed".equals(e.getString("type")));
      assertEquals(SECRET + "!", revealed.getJsonArray("notes").getJsonObject(0).getString("text"));
      assertEquals(SECRET + "!", byId(Workshop.notes(ben, "main"), "secret").getString("text"));
      assertFalse(byId(Workshop.notes(ben, "main"), "secret").getBoolean("hidden", false));
    }
  }

  @Test
  void onlyFacilitatorsSwitchPrivateWritingAndReveal() {
    try (Workshop w = Workshop.create(node, "Rechte")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      for (JsonObject command : java.util.List.of(Cmd.command("private.set").put("on", true),
          Cmd.command("private.reveal").put("room", "main"))) {
        JsonObject reply = a.command(command);
        assertEquals("not_allowed", reply.getString("code"), reply.encode());
      }
    }
  }
}
