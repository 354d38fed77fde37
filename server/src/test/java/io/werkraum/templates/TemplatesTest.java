package io.werkraum.templates;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
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
}
