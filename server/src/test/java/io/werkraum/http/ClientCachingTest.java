package io.werkraum.http;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode.HttpResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web client through the real server: pages asked for on every visit, their assets under the
 * build's version and kept a year, and no file of this build under another version's name.
 */
class ClientCachingTest extends NodeTest {
  private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/[^\"]+)\"");

  private static List<String> references(String page) {
    Matcher found = ASSET.matcher(page);
    return found.results().map(m -> m.group(1)).toList();
  }

  /** The build on this classpath, which the node serves. */
  private static String version() {
    return ClientFiles.fromClasspath().version();
  }

  @Test
  void theBoardPageNamesItsAssetsUnderTheVersionAndTheyAreKeptAYear() {
    JsonObject board = node.createBoard("Zwischenspeicher");
    HttpResult page = node.get("/b/" + board.getString("boardId"), null);
    assertEquals(200, page.status());
    assertEquals("no-cache", page.header("Cache-Control"), "the page itself is asked for on every visit");
    assertEquals("text/html; charset=utf-8", page.header("Content-Type"));

    String prefix = "/v/" + version() + "/";
    List<String> references = references(page.body());
    List<String> assets = references.stream().filter(r -> r.startsWith(prefix)).toList();
    assertEquals(7, assets.size(), "the icon, five style sheets and the page's module: " + references);
    assertEquals(List.of(), references.stream().filter(r -> r.matches("/(css|js|i18n|favicon).*")).toList(),
        "no asset unversioned");
    for (String asset : assets) {
      HttpResult served = node.get(asset, null);
      assertEquals(200, served.status(), asset);
      assertEquals(ClientRoutes.IMMUTABLE, served.header("Cache-Control"), asset);
      assertEquals("accept-encoding", served.header("Vary").toLowerCase(Locale.ROOT), "kept apart from its gzip twin");
    }
    HttpResult module = node.get(prefix + "js/board-page.js", null);
    assertEquals("text/javascript; charset=utf-8", module.header("Content-Type"));
    assertTrue(module.body().contains("from './"), "modules import each other relatively, inheriting the version");
    HttpResult catalogue = node.get(prefix + "i18n/de.json", null);
    assertEquals(ClientRoutes.IMMUTABLE, catalogue.header("Cache-Control"));
    assertEquals("Datenschutzerklärung", catalogue.json().getJsonObject("privacy").getString("heading"));
  }

  @Test
  void everyPageIsAskedForAgainAndAnUnchangedBuildAnswers304() throws Exception {
    JsonObject board = node.createBoard("Seiten");
    String id = board.getString("boardId");
    for (String path : List.of("/", "/b/" + id, "/b/" + id + "/facilitate", "/b/" + id + "/snapshot/s1", "/privacy",
        "/favicon.svg")) {
      HttpResult page = node.get(path, null);
      assertEquals(200, page.status(), path);
      assertEquals("no-cache", page.header("Cache-Control"), path);
      String etag = page.header("ETag");
      assertNotNull(etag, path);
      HttpResponse<String> again = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("If-None-Match", etag).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(304, again.statusCode(), path);
    }
    assertTrue(node.get("/", null).body().contains("src=\"/v/" + version() + "/js/start-page.js\""));
  }

  @Test
  void anotherVersionIsNotFoundNeverThisBuildUnderItsName() {
    String current = "/v/" + version() + "/js/board-page.js";
    assertEquals(200, node.get(current, null).status());
    for (String path : List.of("/v/0123456789abcdef/js/board-page.js", "/v/old/css/app.css",
        "/js/board-page.js", "/css/app.css", "/i18n/de.json", "/v/" + version() + "/board.html",
        "/v/" + version() + "/js/none.js", "/v/" + version() + "/../index.html")) {
      HttpResult missing = node.get(path, null);
      assertEquals(404, missing.status(), path);
      assertNotEquals(ClientRoutes.IMMUTABLE, missing.header("Cache-Control"), path);
    }
  }
}
