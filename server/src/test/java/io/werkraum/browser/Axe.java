package io.werkraum.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core, the accessibility rules engine, from npm (the README's test command installs it into
 * ~/.cache/werkraum/axe), injected into a page by the test (never served by Werkraum) and run
 * with the WCAG 2.1 A and AA rules.
 */
final class Axe {
  private static final Path SCRIPT = Path.of(System.getProperty("user.home"), ".cache", "werkraum", "axe",
      "node_modules", "axe-core", "axe.min.js");
  private static String source;

  private Axe() {}

  private static synchronized String source() {
    if (source == null) {
      if (!Files.isRegularFile(SCRIPT)) {
        throw new AssertionError("axe-core is missing at " + SCRIPT
            + "; run the README's test command (infra/test.sh), which installs it");
      }
      try {
        source = Files.readString(SCRIPT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }

  /** Every violation on the page as it is now: "rule: element, element". The page's context must bypass CSP. */
  @SuppressWarnings("unchecked")
  static List<String> violations(Page page) {
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
    return (List<String>) page.evaluate("""
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
        }
        """);
  }
}
