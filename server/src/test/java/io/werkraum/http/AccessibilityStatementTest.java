package io.werkraum.http;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestNode.HttpResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accessibility statement's page and facts, and the warning when the operator names no contact. */
class AccessibilityStatementTest extends NodeTest {

  /** What the node logs under {@code io.werkraum} while {@code start} runs. */
  private static List<String> loggedWhileStarting(Path dir, Map<String, String> env) {
    List<String> messages = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        messages.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("io.werkraum");
    logger.addHandler(capture);
    try (TestNode started = TestNode.start(redis.url(), dir, env)) {
      return List.copyOf(messages);
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void theBuiltInStatementIsAPageOfTheClient() {
    HttpResult page = node.get(AccessibilityApi.PAGE, null);
    assertEquals(200, page.status());
    assertEquals("no-cache", page.header("Cache-Control"));
    assertTrue(page.body().contains("/js/accessibility-page.js\""), page.body());
    HttpResult facts = node.get("/api/accessibility", null);
    assertEquals("{\"operatorName\":null,\"contactEmail\":null,\"contactUrl\":null,\"contactAddress\":null}", facts.body());
  }

  @Test
  void withoutAContactTheServerWarnsAtStart(@TempDir Path dir) {
    List<String> logged = loggedWhileStarting(dir.resolve("none"), Map.of());
    assertTrue(logged.stream().anyMatch(m -> m.startsWith("WARNING no accessibility contact configured")), logged.toString());

    logged = loggedWhileStarting(dir.resolve("contact"), Map.of("WERKRAUM_ACCESSIBILITY_CONTACT_EMAIL", "barrierefrei@example.org"));
    assertFalse(logged.stream().anyMatch(m -> m.contains("accessibility")), logged.toString());
  }

  @Test
  void theOperatorsOwnStatementTakesItsPlace(@TempDir Path dir) {
    String own = "https://www.example.org/barrierefreiheit";
    try (TestNode ownStatement = TestNode.start(redis.url(), dir, Map.of("WERKRAUM_ACCESSIBILITY_URL", own))) {
      HttpResult page = ownStatement.get(AccessibilityApi.PAGE, null);
      assertEquals(302, page.status());
      assertEquals(own, page.header("Location"));
    }
  }
}
