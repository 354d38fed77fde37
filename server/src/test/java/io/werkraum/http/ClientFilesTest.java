package io.werkraum.http;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client build's version and its pages' references, on a web client of a few files. */
class ClientFilesTest {
  private static final String PAGE = """
      <link rel="icon" href="/favicon.svg" type="image/svg+xml">
      <link rel="stylesheet" href="/css/app.css">
      <script type="module" src="/js/page.js"></script>
      <a href="/">start</a> <a href="/privacy">privacy</a> <a href="/other.html">page</a> <img src="/missing.png">
      """;

  private static Path client(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("css"));
    Files.createDirectories(dir.resolve("js/ui"));
    Files.writeString(dir.resolve("index.html"), PAGE);
    Files.writeString(dir.resolve("other.html"), "<p>other</p>");
    Files.writeString(dir.resolve("favicon.svg"), "<svg/>");
    Files.writeString(dir.resolve("css/app.css"), "body { color: #222; }");
    Files.writeString(dir.resolve("js/page.js"), "import { f } from './ui/f.js';");
    Files.writeString(dir.resolve("js/ui/f.js"), "export function f() {}");
    return dir;
  }

  @Test
  void theVersionChangesWhenAnyFileChangesAndOnlyThen(@TempDir Path dir) throws IOException {
    Path root = client(dir);
    String version = ClientFiles.read(root).version();
    assertEquals(version, ClientFiles.read(root).version(), "the same files, the same version (every node agrees)");
    assertTrue(version.matches("[0-9a-f]{16}"), version);

    Files.writeString(root.resolve("js/ui/f.js"), "export function f() { return 1; }");
    String changed = ClientFiles.read(root).version();
    assertNotEquals(version, changed, "a module deep in the graph changed");

    Files.move(root.resolve("css/app.css"), root.resolve("css/main.css"));
    assertNotEquals(changed, ClientFiles.read(root).version(), "a file renamed, its content the same");
  }

  @Test
  void pagesNameTheBuildsAssetsUnderItsVersion(@TempDir Path dir) throws IOException {
    ClientFiles files = ClientFiles.read(client(dir));
    String prefix = "/v/" + files.version() + "/";
    String page = files.page("index.html").toString();
    assertTrue(page.contains("href=\"" + prefix + "favicon.svg\""), page);
    assertTrue(page.contains("href=\"" + prefix + "css/app.css\""), page);
    assertTrue(page.contains("src=\"" + prefix + "js/page.js\""), page);
    assertTrue(page.contains("<a href=\"/\">start</a> <a href=\"/privacy\">privacy</a> <a href=\"/other.html\">page</a>"
        + " <img src=\"/missing.png\">"), "routes, pages and unknown files stay as they are: " + page);
  }

  @Test
  void assetsAreTheFilesButPagesOnlyThroughTheirRoutes(@TempDir Path dir) throws IOException {
    ClientFiles files = ClientFiles.read(client(dir));
    assertEquals("export function f() {}", new String(files.asset("js/ui/f.js")));
    assertNull(files.asset("index.html"), "a page unrewritten would load unversioned assets");
    assertNull(files.asset("js/none.js"));
    assertNull(files.asset("../index.html"));
  }

  @Test
  void theClasspathClientHasItsPages() {
    ClientFiles files = ClientFiles.fromClasspath();
    for (String page : new String[] {"index.html", "board.html", "facilitate.html", "snapshot.html", "privacy.html",
        "accessibility.html"}) {
      String text = files.page(page).toString();
      assertTrue(text.contains("src=\"/v/" + files.version() + "/js/"), page + ": " + text);
      assertFalse(text.matches("(?s).*(href|src)=\"/(css|js|i18n)/.*"), page + " keeps an unversioned asset: " + text);
    }
    assertNotNull(files.asset("i18n/de.json"));
    assertNotNull(files.asset("js/protocol.js"), "the generated protocol module is part of the build");
  }
}
