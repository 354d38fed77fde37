package io.werkraum.http;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.Await;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.RedisPause;
import io.werkraum.testing.TestNode.HttpResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Liveness, readiness and the summary of a real node, with its real Redis running, killed and back. */
class HealthTest extends NodeTest {
  private static HttpResult get(String path) {
    return node.get(path, null);
  }

  /** The ids of the checks of a probe's answer, with their status. */
  private static List<String> checks(HttpResult probe) {
    return probe.json().getJsonArray("checks").stream().map(c -> (JsonObject) c)
        .map(c -> c.getString("id") + "=" + c.getString("status")).sorted().toList();
  }

  private static HttpResult awaitStatus(String path, int status) {
    HttpResult[] last = {null};
    Await.until(path + " answers " + status, BridgeClient.TIMEOUT, () -> (last[0] = get(path)).status() == status,
        () -> String.valueOf(last[0]));
    return last[0];
  }

  @Test
  void aNodeWithItsRedisIsLiveAndReady() {
    HttpResult live = get("/health/live");
    assertEquals(200, live.status(), live.body());
    assertEquals("UP", live.json().getString("status"));
    assertEquals(List.of("event-loop=UP"), checks(live));

    HttpResult ready = get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertEquals("UP", ready.json().getString("status"));
    assertEquals(List.of("redis=UP"), checks(ready), "no cluster check on a node that is not clustered");

    HttpResult summary = get("/health");
    assertEquals(200, summary.status());
    assertEquals("ok", summary.json().getString("status"));
    assertFalse(summary.json().getJsonObject("cluster").getBoolean("enabled"));
  }

  @Test
  void withoutRedisTheNodeIsLiveButNotReadyUntilRedisIsBack() throws Exception {
    redis.kill();
    try {
      HttpResult notReady = awaitStatus("/health/ready", 503);
      assertEquals("DOWN", notReady.json().getString("status"));
      assertEquals(List.of("redis=DOWN"), checks(notReady));
      assertEquals(503, get("/health").status(), "the summary says so too");
      HttpResult live = get("/health/live");
      assertEquals(200, live.status(), "a restart would not bring Redis back: " + live.body());
    } finally {
      redis.start();
    }
    HttpResult ready = awaitStatus("/health/ready", 200);
    assertEquals(List.of("redis=UP"), checks(ready));
    assertEquals(200, get("/health/live").status());
  }

  /** A Redis that takes connections but never answers is not ready either: the check gives up. */
  @Test
  void aRedisThatDoesNotAnswerMakesTheNodeNotReadyAndNotFailed() {
    try (DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
      RedisPause.everythingFor(direct, 8_000);
      HttpResult notReady = awaitStatus("/health/ready", 503);
      JsonObject check = notReady.json().getJsonArray("checks").getJsonObject(0);
      assertTrue(check.getJsonObject("data").getString("error").startsWith("no answer within"), notReady.body());
      assertEquals(200, get("/health/live").status());
      awaitStatus("/health/ready", 200);
    }
  }
}
