package io.werkraum.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright for Java. Playwright never downloads a browser
 * here: the executable comes from {@code WERKRAUM_CHROMIUM}, else {@code /usr/bin/chromium}
 * (the test command installs it when missing).
 */
final class Browsers {
  private Browsers() {}

  static Playwright playwright() {
    // An assertion waits until the page shows what it expects; on a busy machine (two test JVMs,
    // a Chromium and a server each on two cores) that can take longer than Playwright's 5 s.
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    return Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static Browser chromium(Playwright playwright) {
    String configured = System.getenv("WERKRAUM_CHROMIUM");
    Path executable = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException("Chromium not found at " + executable
          + "; run the README's test command (infra/test.sh), which installs it");
    }
    return playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(executable)
        .setHeadless(true)
        // As root in a container, and with no network beyond this machine.
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage")));
  }
}
