package io.werkraum.export;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live board read into the export document, with the privacy rules every export relies on. */
class DocumentBuilderTest extends NodeTest {


  @Test
  void theDocumentHoldsTheBoardAndLeavesOutWhatExportsMustNotShow() {
    try (Workshop w = Workshop.create(node, "Jugendhilfeplanung Saale-Orla");
         DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "Stadt Jena");
      BridgeClient a = w.connect(anna);
      fac.ok(Cmd.createSection("main", Cmd.section("s1", 0, 0, 800, 600, "Übergänge")));
      a.ok(Cmd.createNote("main", Cmd.note("n1", 20, 60).put("text", "Straße zur Schule sicherer")));
      a.ok(Cmd.createNote("main", Cmd.note("n2", 400, 60).put("text", "Jugendtreff länger offen")));
      fac.ok(Cmd.command("private.set").put("on", true));
      a.ok(Cmd.createNote("main", Cmd.note("hidden", 900, 60).put("text", "noch geheim")));
      fac.ok(Cmd.command("rooms.create").put("rooms", new JsonArray().add(new JsonObject().put("id", "r1").put("name", "Verkehr"))));

      fac.ok(Cmd.startRound(new JsonObject().put("id", "named").put("title", "Benannt").put("anonymous", false)));
      a.ok(Cmd.castVote("named", "n1"));
      fac.ok(Cmd.closeRound("named"));
      fac.ok(Cmd.startRound(new JsonObject().put("id", "anon").put("title", "Anonym")));
      a.ok(Cmd.castVote("anon", "n2"));
      fac.ok(Cmd.closeRound("anon"));

      BoardDocument doc = BridgeClient.await(new DocumentBuilder(direct.reads()).build(w.id(), 42));
      assertEquals(BoardDocument.SCHEMA_VERSION, doc.schemaVersion());
      assertEquals("Jugendhilfeplanung Saale-Orla", doc.title());
      assertEquals(42, doc.exportedAt());
      assertEquals(List.of("main", "r1"), doc.rooms().stream().map(BoardDocument.Room::id).toList(), "plenary first");
      BoardDocument.Room plenary = doc.rooms().get(0);
      assertEquals(List.of("n1", "n2"), plenary.notes().stream().map(BoardDocument.Note::id).toList(),
          "the hidden note is left out");
      assertEquals("Übergänge", plenary.sections().get(0).title());
      assertEquals("Stadt Jena", doc.participants().stream()
          .filter(p -> p.id().equals(participantId(anna))).findFirst().orElseThrow().organisation());

      BoardDocument.Round named = doc.rounds().get(0);
      assertEquals("Benannt", named.title());
      assertEquals(List.of(participantId(anna)), named.results().ranking().get(0).voters());
      assertEquals(1, named.results().ranking().get(0).byOrganisation().get("Stadt Jena"));
      BoardDocument.Round anonymous = doc.rounds().get(1);
      assertTrue(anonymous.anonymous());
      assertNull(anonymous.results().ranking().get(0).voters(), "an anonymous round names nobody");
      assertEquals("Jugendtreff länger offen", anonymous.results().ranking().get(0).text());
    }
  }
}
