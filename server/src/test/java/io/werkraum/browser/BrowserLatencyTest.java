package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) how long an edit takes from A pressing Ctrl+Enter to B's page
 * showing the text: A's keydown and B's DOM mutation are time-stamped in the pages with
 * {@code performance.timeOrigin + performance.now()}, one machine, one clock. Prints
 * {@code BROWSER_LATENCY_MS p50=.. p95=.. max=..} to the test's output file.
 */
class BrowserLatencyTest extends BrowserTest {
  static final int EDITS = 20;

  @Test
  void editLatencyFromOneBrowserToAnother() {
    String link = node.createBoard("Latenz").getString("participantLink");
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, link, "Ben", "Gera")) {
      String id = anna.addNote("edit 0");
      assertThat(ben.noteText(id)).hasText("edit 0");

      // A: the moment Ctrl+Enter goes down in the editor (capture phase, before the app sees it).
      anna.page.evaluate("() => { window.__sent = [];"
          + " document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.ctrlKey)"
          + " window.__sent.push(performance.timeOrigin + performance.now()); }, true); }");
      // B: the moment the note's text node changes to a new value.
      ben.page.evaluate("(id) => { window.__seen = {};"
          + " const note = document.querySelector(`[data-note-id='${id}']`);"
          + " new MutationObserver(() => { const text = note.querySelector('[data-testid=note-text]').textContent;"
          + " if (!(text in window.__seen)) window.__seen[text] = performance.timeOrigin + performance.now(); })"
          + ".observe(note, { subtree: true, childList: true, characterData: true }); }", id);

      List<Double> latencies = new ArrayList<>();
      for (int i = 1; i <= EDITS; i++) {
        String text = "edit " + i;
        anna.note(id).dblclick();
        anna.editor().fill(text);
        anna.editor().press("Control+Enter");
        assertThat(ben.noteText(id)).hasText(text);
        double sent = ((Number) anna.page.evaluate("() => window.__sent[window.__sent.length - 1]")).doubleValue();
        Object seen = ben.page.evaluate("(t) => window.__seen[t] ?? null", text);
        assertNotNull(seen, "B's observer saw " + text);
        latencies.add(((Number) seen).doubleValue() - sent);
      }
      assertEquals(EDITS, ((Number) anna.page.evaluate("() => window.__sent.length")).intValue());

      List<Double> sorted = latencies.stream().sorted().toList();
      String line = String.format(Locale.ROOT, "BROWSER_LATENCY_MS p50=%.1f p95=%.1f max=%.1f n=%d",
          percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1), sorted.size());
      System.out.println(line);
      System.out.println("BROWSER_LATENCY_MS samples=" + latencies.stream()
          .map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
      assertTrue(sorted.get(0) >= 0, "B cannot see an edit before A made it: " + latencies);
    }
  }

  /** Nearest-rank percentile of an ascending list. */
  static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
