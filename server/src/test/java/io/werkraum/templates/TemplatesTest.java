package io.werkraum.templates;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.ApiClient;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Boards that start from a built-in template, in German and English. */
class TemplatesTest extends NodeTest {

  private List<String> sectionTitles(JsonObject created) {
    String secret = created.getString("facilitatorLink").split("#f=")[1];
    JsonObject joined = node.post("/api/boards/" + created.getString("boardId") + "/join",
        new JsonObject().put("facilitatorSecret", secret).put("name", "Fay")).json();
    try (BridgeClient client = BridgeClient.connect(node.werkraum().vertx(), node.port(), joined.getString("token"))) {
      JsonArray sections = Workshop.sections(client, "main");
      return sections.stream().map(s -> (JsonObject) s)
          .sorted((a, b) -> a.getString("id").compareTo(b.getString("id")))
          .map(s -> s.getString("title")).toList();
    }
  }

  @Test
  void theTemplatesAreListedInTheReadersLanguage() {
    JsonArray german = new JsonArray(node.get("/api/templates?lang=de", null).body());
    JsonArray english = new JsonArray(node.get("/api/templates?lang=en", null).body());
    assertEquals(List.of("planning-check", "retrospective", "swot", "ideas"),
        german.stream().map(t -> ((JsonObject) t).getString("id")).toList());
    assertEquals("Integrierter Planungscheck", german.getJsonObject(0).getString("name"));
    assertEquals("Integrated planning check", english.getJsonObject(0).getString("name"));
  }

  @Test
  void aBoardFromTheIntegratedPlanningCheckHasItsSixSections() {
    TestNode.HttpResult created = node.post("/api/boards", new JsonObject()
        .put("title", "Planungscheck Saale-Holzland").put("template", "planning-check").put("language", "de"));
    assertEquals(201, created.status(), created.body());
    assertEquals(List.of("Situation der Kommune", "Besonderheiten", "Bisherige Zusammenarbeit der Verwaltung",
        "Aktuelle Barrieren", "Dringende Themen", "Praktikable Lösungen"), sectionTitles(created.json()));

    TestNode.HttpResult swot = node.post("/api/boards", new JsonObject()
        .put("title", "SWOT").put("template", "swot").put("language", "en"));
    assertEquals(List.of("Strengths", "Weaknesses", "Opportunities", "Threats"), sectionTitles(swot.json()));

    TestNode.HttpResult unknown = node.post("/api/boards", new JsonObject().put("title", "X").put("template", "nope"));
    assertEquals(400, unknown.status());
    assertEquals("invalid_input", unknown.json().getString("code"));
  }

  @Test
  void aFacilitatorSavesTheBoardAsTemplateAndNewBoardsStartFromIt() {
    try (Workshop w = Workshop.create(node, "Sozialplanung Saale")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      JsonObject anna = w.join("Anna", "Stadt Jena");
      BridgeClient fac = w.connect(fay);
      assertTrue(fac.command(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Barrieren"))).getBoolean("ok"));
      assertTrue(w.connect(anna).command(Cmd.createNote("main", Cmd.note("n1", 20, 60).put("text", "Schulweg über die Brücke")))
          .getBoolean("ok"));
      assertTrue(fac.command(Cmd.command("rooms.create").put("rooms", new JsonArray()
          .add(new JsonObject().put("id", "r1").put("name", "Gruppe Süd")))).getBoolean("ok"));
      assertTrue(fac.command(Cmd.startRound(new JsonObject().put("id", "v1"))).getBoolean("ok"));
      String path = "/api/boards/" + w.id() + "/templates";
      ApiClient api = TestNode.http(node.port());

      // Only facilitators save, with a name; "notes" is true or false.
      assertEquals(403, api.postBearer(path, anna.getString("token"), new JsonObject().put("name", "X")).status());
      assertEquals(400, api.postBearer(path, fay.getString("token"), new JsonObject()).status());
      TestNode.HttpResult badNotes = api.postBearer(path, fay.getString("token"),
          new JsonObject().put("name", "X").put("notes", "ja"));
      assertEquals(400, badNotes.status());
      assertEquals("invalid_input", badNotes.json().getString("code"));

      TestNode.HttpResult layout = api.postBearer(path, fay.getString("token"), new JsonObject().put("name", "Gerüst"));
      assertEquals(201, layout.status(), layout.body());
      JsonObject saved = layout.json();
      assertTrue(saved.getString("id").startsWith("t-"));
      assertNotNull(saved.getString("ownerKey"));
      assertEquals(new JsonArray().add("Barrieren"), saved.getJsonArray("sections"));
      assertEquals(1, saved.getInteger("rooms"));
      assertEquals(0, saved.getInteger("notes"));
      JsonObject withNotes = api.postBearer(path, fay.getString("token"),
          new JsonObject().put("name", "Mit Notizen").put("notes", true)).json();
      assertEquals(1, withNotes.getInteger("notes"));

      // Anyone with the id reads its description, never its owner key.
      JsonObject described = node.get("/api/templates/" + saved.getString("id"), null).json();
      assertEquals("Gerüst", described.getString("name"));
      assertNull(described.getValue("ownerKey"));
      assertNull(described.getValue("ownerKeyHash"));

      // A new board from each: the sections and rooms, the notes only when asked, nobody's name, no rounds.
      JsonObject empty = startFrom(saved.getString("id"), "Neuer Workshop");
      JsonObject full = startFrom(withNotes.getString("id"), "Noch einer");
      assertEquals(List.of("Barrieren"), sectionTitles(empty));
      try (Workshop copy = Workshop.of(node, empty); Workshop second = Workshop.of(node, full)) {
        JsonObject state = Workshop.fullState(copy.connect(copy.joinAsFacilitator("Gabi")), "main");
        assertEquals(0, state.getJsonObject("room").getJsonObject("state").getJsonArray("notes").size());
        assertTrue(state.encode().contains("Gruppe Süd"), state.encode());
        assertFalse(state.encode().contains("Anna"), state.encode());
        assertFalse(state.encode().contains("Stadt Jena"), state.encode());
        assertEquals(0, state.getJsonObject("board").getJsonObject("state").getJsonArray("rounds").size());
        JsonArray notes = Workshop.notes(second.connect(second.joinAsFacilitator("Ida")), "main");
        assertEquals(1, notes.size());
        assertEquals("Schulweg über die Brücke", notes.getJsonObject(0).getString("text"));
        assertNull(notes.getJsonObject(0).getValue("author"));
      }

      // Deleted with the owner key only; afterwards it is gone.
      String templatePath = "/api/templates/" + saved.getString("id");
      assertEquals(200, api.get(templatePath, null).status());
      assertEquals(403, api.delete(templatePath, "wrong-key").status());
      assertEquals(204, api.delete(templatePath, saved.getString("ownerKey")).status());
      assertEquals(404, api.get(templatePath, null).status());
      TestNode.HttpResult gone = node.post("/api/boards", new JsonObject().put("title", "Z")
          .put("template", saved.getString("id")));
      assertEquals(400, gone.status());
      assertEquals(404, api.delete(templatePath, saved.getString("ownerKey")).status());
    }
  }

  private JsonObject startFrom(String templateId, String title) {
    TestNode.HttpResult created = node.post("/api/boards", new JsonObject().put("title", title).put("template", templateId));
    assertEquals(201, created.status(), created.body());
    assertEquals(title, created.json().getString("title"));
    return TestNode.created(created);
  }
}
