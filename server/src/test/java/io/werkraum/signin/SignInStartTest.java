package io.werkraum.signin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.werkraum.store.EmbeddedRedis;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance whose identity provider cannot be read does not start, and says why. */
class SignInStartTest {
  @Test
  void anUnreachableProviderStopsTheStartWithItsName(@TempDir Path dir) {
    String issuer = "http://127.0.0.1:" + EmbeddedRedis.freePort() + "/realms/nowhere";
    try (TestRedis redis = new TestRedis()) {
      RuntimeException failed = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(RuntimeException.class,
          () -> TestNode.start(redis.url(), dir, Map.of("WERKRAUM_OIDC_ISSUER", issuer, "WERKRAUM_OIDC_CLIENT_ID", "werkraum"))));
      assertTrue(String.valueOf(failed.getMessage()).contains(issuer) || String.valueOf(failed.getCause()).contains(issuer),
          String.valueOf(failed));
    }
  }
}
