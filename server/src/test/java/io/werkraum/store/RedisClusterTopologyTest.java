package io.werkraum.store;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.ApiClient;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.RedisCluster;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Werkraum on a real three-master Redis Cluster ({@code WERKRAUM_REDIS_TYPE=cluster}, {@code
 * REDIS_URL} listing the three masters), as the README promises: a whole workshop, boards whose
 * keys live on each of the three masters, and saved templates (whose two keys lie in different
 * slots).
 */
class RedisClusterTopologyTest {
  static RedisCluster cluster;
  static TestNode node;

  @BeforeAll
  static void start(@TempDir Path dir) {
    cluster = new RedisCluster();
    node = TestNode.start(cluster.url(), dir, Map.of("WERKRAUM_REDIS_TYPE", "cluster"));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aWholeWorkshopRunsOnARedisCluster() {
    try (TopologyWorkshop ws = TopologyWorkshop.open(node, "Planungscheck im Cluster")) {
      ws.runWhole();

      // All of the board's keys live on one master: they share a slot, as its scripts need.
      assertEquals(1, cluster.mastersHolding(ws.id()).size(),
          "masters holding the board's keys: " + cluster.mastersHolding(ws.id()) + "; " + cluster.describe());
      assertEquals(0, ws.retries.get(), "a healthy cluster refuses nothing: " + ws.retrySummary());
    }
  }

  @Test
  void boardsOnEachOfTheThreeMastersWork() {
    // New boards until each master serves one (all keys of a board lie on one master).
    Map<Integer, JsonObject> boardByMaster = new TreeMap<>();
    for (int i = 0; i < 200 && boardByMaster.size() < 3; i++) {
      JsonObject board = node.createBoard("Verteilt " + i);
      Set<Integer> masters = cluster.mastersHolding(board.getString("boardId"));
      assertEquals(1, masters.size(), "a new board's keys on " + masters);
      boardByMaster.putIfAbsent(masters.iterator().next(), board);
    }
    assertEquals(3, boardByMaster.size(), "boards on every master");
    boardByMaster.forEach((master, board) -> {
      try (Workshop w = Workshop.of(node, board)) {
        BridgeClient anna = w.connect(w.join("Anna", "Stadt Jena"));
        BridgeClient ben = w.joinAndListen("Ben");
        anna.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "auf Master " + master)));
        assertEquals("auf Master " + master, ben.awaitMessage(w.roomAddress("main"),
            e -> "note.created".equals(e.getString("type"))).getJsonObject("note").getString("text"));
        anna.ok(Cmd.updateNote("main", "n1", new JsonObject().put("color", "green")));
        assertEquals("green", Workshop.notes(ben, "main").getJsonObject(0).getString("color"));
        assertEquals(Set.of(master), cluster.mastersHolding(w.id()),
            "the board's notes stay with its other keys on master " + master + ": " + cluster.describe());
      }
    });
    for (int i = 0; i < 3; i++) {
      assertTrue(cluster.dbSize(i) > 0, "master " + i + " holds keys");
    }
  }

  @Test
  void aSavedTemplateIsSavedReadUsedAndDeleted() {
    try (Workshop w = Workshop.create(node, "Vorlage im Cluster")) {
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient fac = w.connect(fay);
      fac.ok(Cmd.createSection("main", Cmd.section("s1", 0, 0, 600, 400, "Barrieren")));
      fac.ok(Cmd.createNote("main", Cmd.note("n1", 20, 60).put("text", "Schulweg über die Brücke")));
      ApiClient api = TestNode.http(node.port());
      TestNode.HttpResult saved = api.postBearer("/api/boards/" + w.id() + "/templates", fay.getString("token"),
          new JsonObject().put("name", "Gerüst").put("notes", true));
      assertEquals(201, saved.status(), saved.body());
      String id = saved.json().getString("id");
      Map<String, Integer> slots = new TreeMap<>();
      for (int i = 0; i < 3; i++) {
        cluster.keysOn(i, id).forEach(key -> slots.put(key, cluster.slot(key)));
      }
      assertFalse(slots.isEmpty(), "the template is stored");
      System.out.println("[cluster] template keys and their slots: " + slots);

      TestNode.HttpResult described = api.get("/api/templates/" + id, null);
      assertEquals(200, described.status(), described.body());
      assertEquals("Gerüst", described.json().getString("name"));
      TestNode.HttpResult started = node.post("/api/boards", new JsonObject().put("title", "Aus der Vorlage").put("template", id));
      assertEquals(201, started.status(), started.body());
      try (Workshop copy = Workshop.of(node, TestNode.created(started))) {
        BridgeClient gabi = copy.connect(copy.joinAsFacilitator("Gabi"));
        assertEquals("Schulweg über die Brücke", Workshop.notes(gabi, "main").getJsonObject(0).getString("text"));
      }

      TestNode.HttpResult deleted = api.delete("/api/templates/" + id, saved.json().getString("ownerKey"));
      assertEquals(204, deleted.status(), deleted.body());
      assertEquals(404, api.get("/api/templates/" + id, null).status());
      assertEquals(Set.of(), cluster.mastersHolding(id), "no key of the deleted template is left");
    }
  }
}
