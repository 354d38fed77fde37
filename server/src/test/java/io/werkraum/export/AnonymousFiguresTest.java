package io.werkraum.export;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anonymous means anonymous, through the real path: Anna is the only one from Pößneck in an
 * anonymous round. Neither the results browsers get (live and in a sync) nor any export shows a
 * figure for Pößneck, nor for the organisation grouped with her; the votes per note stay exact.
 */
class AnonymousFiguresTest extends NodeTest {
  @Test
  void anAnonymousRoundSinglesOutNobodyAnywhere() throws Exception {
    try (Workshop w = Workshop.create(node, "Jugendhilfeplanung")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient fac = w.connect(fay);
      fac.ok(Cmd.createNote("main", Cmd.note("n1", 20, 60).put("text", "Schulsozialarbeit ausbauen")));
      fac.ok(Cmd.createNote("main", Cmd.note("n2", 400, 60).put("text", "Jugendtreff länger offen")));
      BridgeClient anna = w.connect(w.join("Anna Albrecht", "Stadt Pößneck"));
      anna.registerAndWait(w.boardAddress());
      List<BridgeClient> jena = people(w, "Jena", "Stadt Jena", 4);
      List<BridgeClient> gera = people(w, "Gera", "Gera", 3);

      fac.ok(Cmd.startRound(new JsonObject().put("id", "anon").put("title", "Geheim abgestimmt")));
      anna.ok(Cmd.castVote("anon", "n1"));
      anna.ok(Cmd.castVote("anon", "n1"));
      for (BridgeClient j : jena) {
        j.ok(Cmd.castVote("anon", "n1"));
        j.ok(Cmd.castVote("anon", "n2"));
      }
      for (BridgeClient g : gera) {
        g.ok(Cmd.castVote("anon", "n2"));
      }
      long seq = fac.ok(Cmd.closeRound("anon")).getLong("seq");

      // What browsers get: the live round.closed and the state of a sync.
      JsonObject live = anna.awaitMessage(w.boardAddress(),
          e -> "round.closed".equals(e.getString("type")) && e.getLong("seq") == seq).getJsonObject("round");
      JsonObject synced = Workshop.byId(anna.ok(Cmd.sync("main", null, null)).getJsonObject("board")
          .getJsonObject("state").getJsonArray("rounds"), "anon");
      for (JsonObject round : List.of(live, synced)) {
        JsonObject results = round.getJsonObject("results");
        assertFalse(results.encode().contains("Pößneck"), results.encode());
        assertFalse(results.encode().contains("Gera"), "Gera joined Pößneck's group, else it would be Anna alone");
        assertEquals(new JsonObject().put("threshold", 3).put("withheld", false), results.getJsonObject("grouping"));
        JsonArray ranking = results.getJsonArray("ranking");
        assertEquals(new JsonObject().put("note", "n2").put("text", "Jugendtreff länger offen").put("count", 7)
            .put("byOrganisation", new JsonObject().put("Stadt Jena", 4)).put("otherOrganisations", 3), ranking.getJsonObject(0));
        assertEquals(new JsonObject().put("note", "n1").put("text", "Schulsozialarbeit ausbauen").put("count", 6)
            .put("byOrganisation", new JsonObject().put("Stadt Jena", 4)).put("otherOrganisations", 2), ranking.getJsonObject(1));
      }

      // Every export: the round's part names neither organisation; the votes per note are exact.
      JsonObject doc = new JsonObject(w.exportText(fay, "json"));
      JsonObject exported = Workshop.byId(doc.getJsonArray("rounds"), "anon").getJsonObject("results");
      assertEquals(live.getJsonObject("results"), exported, "the JSON holds the results as the board shows them");
      String csv = w.exportText(fay, "csv?lang=de");
      assertFalse(csv.contains("Pößneck"), csv);
      List<String[]> rows = CsvExportTest.parse(csv);
      int votes = List.of(rows.get(0)).indexOf("Geheim abgestimmt");
      Map<String, String> byText = Map.of(rows.get(1)[2], rows.get(1)[votes], rows.get(2)[2], rows.get(2)[votes]);
      assertEquals(Map.of("Schulsozialarbeit ausbauen", "6", "Jugendtreff länger offen", "7"), byText);
      String md = w.exportText(fay, "md?lang=de");
      String minutes = md.substring(md.indexOf("## Abstimmungsrunden"));
      String pdf = PdfExportTest.norm(PdfExportTest.text(w.export(fay, "pdf?lang=de")));
      // The report's detail of the rounds, up to the rooms, whose notes name their authors.
      String report = pdf.substring(pdf.indexOf("Abstimmungsrunden"), pdf.indexOf("Raum · Plenum"));
      // The summaries of what was decided: the results, no organisation at all.
      String decidedInReport = pdf.substring(pdf.indexOf("Was entschieden wurde"), pdf.indexOf("Abstimmungsrunden"));
      String decidedInMinutes = md.substring(md.indexOf("## Was entschieden wurde"), md.indexOf("## Plenum"));
      for (String part : List.of(decidedInReport, decidedInMinutes)) {
        assertFalse(part.contains("Pößneck") || part.contains("Gera") || part.contains("Stadt Jena"), part);
      }
      assertTrue(decidedInReport.contains("1. Jugendtreff länger offen — 7 Stimmen 2. Schulsozialarbeit ausbauen — 6 Stimmen"),
          decidedInReport);
      assertTrue(decidedInMinutes.contains("  - **7 Stimmen** · Jugendtreff länger offen\n  - **6 Stimmen** · Schulsozialarbeit"),
          decidedInMinutes);
      for (String part : List.of(minutes, report)) {
        assertFalse(part.contains("Pößneck"), part);
        assertFalse(part.contains("Gera"), part);
        assertTrue(part.contains("Stadt Jena: 4"), part);
        assertTrue(part.contains("Weitere Organisationen: 3"), part);
        assertTrue(part.contains("Organisationen mit weniger als 3 Abstimmenden sind unter „Weitere Organisationen“ zusammengefasst"),
            part);
      }
      assertTrue(minutes.contains("1. **7 Stimmen** · Jugendtreff länger offen"), minutes);
      assertTrue(minutes.contains("2. **6 Stimmen** · Schulsozialarbeit ausbauen"), minutes);
      assertTrue(report.contains("1. Jugendtreff länger offen — 7 Stimmen"), report);
      assertTrue(report.contains("2. Schulsozialarbeit ausbauen — 6 Stimmen"), report);
    }
  }

  private static List<BridgeClient> people(Workshop w, String name, String organisation, int count) {
    List<BridgeClient> people = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      people.add(w.connect(w.join(name + " " + i, organisation)));
    }
    return people;
  }
}
