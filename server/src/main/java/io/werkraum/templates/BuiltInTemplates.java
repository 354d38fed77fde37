package io.werkraum.templates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import io.werkraum.board.Rejection;
import io.werkraum.export.BoardDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The templates a board can start from, in German and English: their plenary is laid out with
 * one titled section per question, in rows of three. Pure.
 */
public final class BuiltInTemplates {
  /** One template: its id, and names and section titles per language. */
  record Template(String id, String nameDe, String nameEn, List<String> sectionsDe, List<String> sectionsEn) {}

  private static final List<Template> ALL = List.of(
      new Template("planning-check", "Integrierter Planungscheck", "Integrated planning check",
          List.of("Situation der Kommune", "Besonderheiten", "Bisherige Zusammenarbeit der Verwaltung",
              "Aktuelle Barrieren", "Dringende Themen", "Praktikable Lösungen"),
          List.of("The town's situation", "Its particularities", "How the administration works together so far",
              "Current barriers", "Urgent topics", "Practicable solutions")),
      new Template("retrospective", "Retrospektive", "Retrospective",
          List.of("Lief gut", "Zu verbessern", "Ideen"),
          List.of("Went well", "To improve", "Ideas")),
      new Template("swot", "SWOT-Analyse", "SWOT analysis",
          List.of("Stärken", "Schwächen", "Chancen", "Risiken"),
          List.of("Strengths", "Weaknesses", "Opportunities", "Threats")),
      new Template("ideas", "Ideen sammeln und priorisieren", "Collect and prioritise ideas",
          List.of("Ideen sammeln", "Prioritäten"),
          List.of("Collect ideas", "Priorities")));

  private static final double SECTION_W = 700;
  private static final double SECTION_H = 500;
  private static final double GAP = 60;

  private BuiltInTemplates() {}

  /** The list a start page shows: {id, name, sections} in the given language. */
  public static JsonArray list(boolean german) {
    JsonArray list = new JsonArray();
    for (Template t : ALL) {
      list.add(new JsonObject().put("id", t.id()).put("name", german ? t.nameDe() : t.nameEn())
          .put("sections", new JsonArray(german ? t.sectionsDe() : t.sectionsEn())));
    }
    return list;
  }

  /** A board document for a new board titled {@code title}, laid out from the template. */
  public static BoardDocument document(String templateId, String title, boolean german, long now) {
    Template template = ALL.stream().filter(t -> t.id().equals(templateId)).findFirst()
        .orElseThrow(() -> new Rejection(ErrorCode.INVALID_INPUT, "no template '" + templateId + "'"));
    List<String> titles = german ? template.sectionsDe() : template.sectionsEn();
    List<BoardDocument.Section> sections = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      double x = (i % 3) * (SECTION_W + GAP);
      double y = (i / 3) * (SECTION_H + GAP);
      sections.add(new BoardDocument.Section("t" + (i + 1), x, y, SECTION_W, SECTION_H, titles.get(i), "werkraum",
          now, now, null));
    }
    BoardDocument.Room plenary = new BoardDocument.Room(Limits.MAIN_ROOM, "", "plenary", now, sections, List.of());
    return new BoardDocument(BoardDocument.SCHEMA_VERSION, "template", title, now, now, null, null, List.of(),
        List.of(plenary), List.of());
  }
}
