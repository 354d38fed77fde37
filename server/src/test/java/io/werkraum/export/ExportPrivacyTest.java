package io.werkraum.export;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The privacy rules, checked in the downloaded files of a live board: anonymous rounds stay
 * anonymous, private notes not yet revealed are left out, and a person's name and organisation
 * appear only where the board shows them (on their visible notes, in the list of who took part,
 * in the per-organisation counts, and as voters of named rounds only). PNG is drawn by the same
 * room picture as SVG, so the SVG's text stands for both.
 */
class ExportPrivacyTest extends NodeTest {
  private static final String SECRET = "noch geheim: Personalmangel im Jugendamt";


  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void exportsShowPeopleOnlyWhereTheBoardDoes() throws Exception {
    try (Workshop w = Workshop.create(node, "Jugendhilfeplanung Saale-Orla")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient fac = w.connect(fay);
      JsonObject anna = w.join("Anna Albrecht", "Stadt Jena");
      JsonObject bernd = w.join("Bernd Bauer", "Landkreis Greiz");
      JsonObject carla = w.join("Carla Conrad", "Stadt Gera");
      JsonObject dora = w.join("Dora Dietz", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.connect(bernd);
      BridgeClient c = w.connect(carla);
      BridgeClient d = w.connect(dora);
      a.ok(Cmd.createNote("main", Cmd.note("n1", 20, 60).put("text", "Schulweg sicherer")));
      d.ok(Cmd.createNote("main", Cmd.note("n2", 400, 60).put("text", "Jugendtreff länger offen")));
      // Carla writes privately; the facilitator never reveals it.
      fac.ok(Cmd.command("private.set").put("on", true));
      c.ok(Cmd.createNote("main", Cmd.note("n3", 800, 60).put("text", SECRET)));
      // Anna votes in a named round, Bernd only in an anonymous one.
      fac.ok(Cmd.startRound(new JsonObject().put("id", "named").put("title", "Offen abgestimmt").put("anonymous", false)));
      a.ok(Cmd.castVote("named", "n1"));
      fac.ok(Cmd.closeRound("named"));
      fac.ok(Cmd.startRound(new JsonObject().put("id", "anon").put("title", "Geheim abgestimmt")));
      b.ok(Cmd.castVote("anon", "n2"));
      fac.ok(Cmd.closeRound("anon"));

      Map<String, String> files = Map.of(
          "json", w.exportText(fay, "json"), "csv", w.exportText(fay, "csv?lang=de"), "md", w.exportText(fay, "md?lang=de"),
          "svg", w.exportText(fay, "svg?room=main"), "pdf", pdfText(w, fay));
      files.forEach((format, text) -> {
        assertFalse(text.contains(SECRET), format + ": a private note not yet revealed is left out");
        assertFalse(text.contains("null") || text.contains("undefined"), format + ": no placeholder for a missing value");
      });

      // Those who wrote something visible are named on it (by name: an id is no name), with their
      // organisation where the board shows it.
      for (String format : List.of("csv", "md", "svg", "pdf")) {
        assertTrue(files.get(format).contains("Anna Albrecht"), format);
        assertTrue(files.get(format).contains("Dora Dietz"), format);
        for (JsonObject person : List.of(fay, anna, bernd, carla, dora)) {
          assertFalse(files.get(format).contains(participantId(person)), format + " shows a participant id");
        }
      }
      assertEquals(2, count(files.get("pdf"), "Dora Dietz"), "the PDF names Dora in the attendance and on her note");
      List<String[]> rows = CsvExportTest.parse(files.get("csv"));
      List<String> header = List.of(rows.get(0));
      String[] annasRow = rows.stream().filter(r -> List.of(r).contains("Schulweg sicherer")).findFirst().orElseThrow();
      String[] dorasRow = rows.stream().filter(r -> List.of(r).contains("Jugendtreff länger offen")).findFirst().orElseThrow();
      int organisation = header.indexOf(Labels.german().organisation());
      assertEquals("Stadt Jena", annasRow[organisation]);
      assertEquals("", dorasRow[organisation], "no organisation given, none shown");

      // Bernd and Carla wrote nothing visible: only the list of who took part names them (the PDF's
      // attendance, the JSON's participants); the Markdown minutes count people per organisation.
      for (String person : List.of("Bernd Bauer", "Carla Conrad")) {
        for (String format : List.of("csv", "md", "svg")) {
          assertFalse(files.get(format).contains(person), format + " names " + person);
        }
        assertEquals(1, count(files.get("pdf"), person), "the PDF names " + person + " once, in the attendance");
        assertEquals(1, count(files.get("json"), person), "the JSON names " + person + " once, as a participant");
      }

      // The anonymous round names nobody; the named one names its voter.
      JsonObject doc = new JsonObject(files.get("json"));
      JsonArray rounds = doc.getJsonArray("rounds");
      JsonObject anonymous = rounds.stream().map(r -> (JsonObject) r)
          .filter(r -> r.getString("id").equals("anon")).findFirst().orElseThrow();
      anonymous.getJsonObject("results").getJsonArray("ranking")
          .forEach(k -> assertNull(((JsonObject) k).getValue("voters"), "an anonymous round lists no voters"));
      assertEquals(1, count(files.get("json"), participantId(bernd)), "Bernd's id only in the participants");
      JsonObject named = rounds.stream().map(r -> (JsonObject) r)
          .filter(r -> r.getString("id").equals("named")).findFirst().orElseThrow();
      assertEquals(new JsonArray().add(participantId(anna)),
          named.getJsonObject("results").getJsonArray("ranking").getJsonObject(0).getJsonArray("voters"));
      // Bernd alone voted in the anonymous round: no figure per organisation would keep him unrecognisable.
      String anonymousMinutes = files.get("md").substring(files.get("md").indexOf("### Geheim abgestimmt"));
      assertFalse(anonymousMinutes.contains("Landkreis Greiz"), anonymousMinutes);
      assertTrue(anonymousMinutes.contains("Keine Stimmen je Organisation"), anonymousMinutes);
    }
  }

  private String pdfText(Workshop w, JsonObject facilitator) throws Exception {
    return PdfExportTest.norm(PdfExportTest.text(w.export(facilitator, "pdf?lang=de")));
  }
}
