package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.werkraum.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Nothing written is lost across a lost connection or a new version of the server: what a
 * browser queued while offline goes out, all of it and in order, as fast as the server takes it,
 * and a page of an older protocol reloads itself without dropping what it had not sent yet.
 */
class ReconnectBrowserTest extends BrowserTest {
  @Test
  void thirtyNotesWrittenOnATrainAllLandWhenTheConnectionReturns() {
    String link = participantLink("Zugfahrt");
    Network[] benNetwork = new Network[1];
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, Participant.options(), link, "Ben", "Gera",
             context -> benNetwork[0] = new Network(context))) {
      benNetwork[0].cut();
      assertThat(ben.connection()).hasAttribute("data-state", "reconnecting");
      List<String> written = new ArrayList<>();
      for (int i = 1; i <= 30; i++) {
        written.add(ben.addNoteQuickly("Im Zug geschrieben " + i));
      }
      assertThat(anna.notes()).hasCount(0);

      benNetwork[0].restore();
      assertThat(ben.connection()).hasAttribute("data-state", "open");
      assertThat(anna.notes()).hasCount(30);
      for (int i = 0; i < written.size(); i++) {
        assertThat(anna.noteText(written.get(i))).hasText("Im Zug geschrieben " + (i + 1));
      }
      assertThat(ben.page.getByTestId("toast")).hasCount(0);
      assertThat(ben.notes()).hasCount(30);
    }
  }

  @Test
  void aPageOfAnOlderProtocolReloadsItselfAndSendsWhatItHadNotSentYet() {
    String link = participantLink("Neue Version");
    Network[] benNetwork = new Network[1];
    try (Participant anna = Participant.join(browser, link, "Anna", "Stadt Jena");
         Participant ben = Participant.join(browser, Participant.options(), link, "Ben", "Gera",
             context -> benNetwork[0] = new Network(context))) {
      benNetwork[0].cut();
      String id = ben.addNoteQuickly("Vor dem Update geschrieben");

      // While Ben was away the server was updated: his page now speaks an older protocol. (Its
      // next sync says so, once; the page that loads after the reload is the new one.)
      String current = "\\\"protocol\\\":" + Protocol.VERSION;
      String older = "\\\"protocol\\\":" + (Protocol.VERSION - 1);
      AtomicBoolean once = new AtomicBoolean(true);
      benNetwork[0].rewrite(text -> text.contains(current) && once.getAndSet(false) ? text.replace(current, older) : text);
      benNetwork[0].restore();

      assertThat(anna.noteText(id)).hasText("Vor dem Update geschrieben");
      assertThat(ben.connection()).hasAttribute("data-state", "open");
      assertThat(ben.noteText(id)).hasText("Vor dem Update geschrieben");
      assertThat(anna.notes()).hasCount(1);
    }
  }
}
