package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What loading the board page costs, measured in Chromium (DevTools' network events): the first
 * visit fetches the page and every asset once (compressed), a second visit fetches the page and
 * the board's data, and takes every asset from the browser's cache without asking the server.
 */
class PageLoadBrowserTest extends BrowserTest {

  /** One page's requests that went over the network: URL, status and bytes transferred. */
  private static final class Transfers {
    record Transfer(String url, int status, String encoding, long bytes) {}

    private final Map<String, JsonObject> responses = new ConcurrentHashMap<>();
    private final Map<String, Long> finished = new ConcurrentHashMap<>();
    private final Map<String, Boolean> fromCache = new ConcurrentHashMap<>();

    Transfers(Page page) {
      CDPSession devtools = page.context().newCDPSession(page);
      devtools.on("Network.responseReceived", e -> responses.put(e.get("requestId").getAsString(), e.getAsJsonObject("response")));
      devtools.on("Network.requestServedFromCache", e -> fromCache.put(e.get("requestId").getAsString(), true));
      devtools.on("Network.loadingFinished", e -> finished.put(e.get("requestId").getAsString(),
          e.get("encodedDataLength").getAsLong()));
      devtools.send("Network.enable");
    }

    /** Requests answered by the server (not by the browser's cache), each with its bytes on the wire. */
    List<Transfer> network() {
      List<Transfer> network = new ArrayList<>();
      responses.forEach((id, response) -> {
        if (fromCache.containsKey(id) || response.get("fromDiskCache").getAsBoolean()
            || !response.get("url").getAsString().startsWith("http")) {
          return;
        }
        JsonObject headers = response.getAsJsonObject("headers");
        String encoding = headers.has("content-encoding") ? headers.get("content-encoding").getAsString() : "";
        network.add(new Transfer(response.get("url").getAsString(), response.get("status").getAsInt(), encoding,
            finished.getOrDefault(id, 0L)));
      });
      return network;
    }

    static long bytes(List<Transfer> transfers) {
      return transfers.stream().mapToLong(Transfer::bytes).sum();
    }

    static List<Transfer> assets(List<Transfer> transfers) {
      return transfers.stream().filter(t -> t.url().contains("/v/")).toList();
    }
  }

  /** A tab on {@code link} that is connected to the board, with its transfers recorded from the start. */
  private static Transfers open(BrowserContext context, String link, boolean join) {
    Page page = context.newPage();
    Transfers transfers = new Transfers(page);
    page.navigate(link);
    Participant person = Participant.of(context, page);
    if (join) {
      person.fillJoinForm("Anna", "Jena");
    } else {
      person.waitConnected();
    }
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return transfers;
  }

  @Test
  void aSecondVisitTakesEveryAssetFromTheCacheWithoutAsking() {
    String link = participantLink("Seitengewicht");
    try (BrowserContext context = browser.newContext(Participant.options())) {
      List<Transfers.Transfer> first = open(context, link, true).network();
      String board = link.substring(0, link.indexOf('#'));
      List<Transfers.Transfer> second = open(context, board, false).network();
      List<Transfers.Transfer> firstAssets = Transfers.assets(first);
      System.out.printf("PAGE_WEIGHT board page, first visit: %d requests (%d assets), %d bytes transferred;"
          + " second visit: %d requests (%d assets), %d bytes transferred%n", first.size(), firstAssets.size(),
          Transfers.bytes(first), second.size(), Transfers.assets(second).size(), Transfers.bytes(second));
      second.forEach(t -> System.out.println("PAGE_WEIGHT second visit: " + t.status() + " " + t.url() + " " + t.bytes()));

      assertTrue(firstAssets.size() > 40, "the board page's modules, styles and catalogues: " + firstAssets.size());
      for (Transfers.Transfer asset : firstAssets) {
        assertEquals(200, asset.status(), asset.url());
        if (!asset.url().endsWith(".svg")) {
          assertEquals("gzip", asset.encoding(), asset.url() + " is sent compressed");
        }
      }
      assertEquals(List.of(), Transfers.assets(second), "no asset is asked for again, not even to revalidate");
    }
  }

  /**
   * A tab of a build no longer deployed: its catalogue's URL names the old version, the server
   * answers 404, and the page reloads into the current build in the chosen language.
   */
  @Test
  void aPageOfAGoneBuildSwitchesLanguageByReloadingIntoTheCurrentOne() {
    try (BrowserContext context = browser.newContext(Participant.options())) {
      Page page = context.newPage();
      page.navigate(node.baseUrl() + "/");
      assertThat(page.locator("html")).hasAttribute("lang", "en");
      page.evaluate("window.openedBefore = true");
      // The catalogue asked for under a version this server does not run, as after a deploy.
      page.route(Pattern.compile(".*/i18n/de\\.json$"), route -> route.resume(new Route.ResumeOptions()
          .setUrl(route.request().url().replaceFirst("/v/[^/]+/", "/v/0123456789abcdef/"))),
          new Page.RouteOptions().setTimes(1));
      page.getByTestId("lang-de").click();
      assertThat(page.locator("html")).hasAttribute("lang", "de");
      assertThat(page.getByTestId("lang-de")).hasAttribute("aria-pressed", "true");
      assertEquals(null, page.evaluate("window.openedBefore"), "the page was loaded anew");
    }
  }
}
