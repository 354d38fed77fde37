package io.werkraum.testing;

import io.vertx.core.json.JsonObject;
import io.werkraum.Werkraum;
import io.werkraum.config.ConfigLoader;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.store.EmbeddedRedis;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One Werkraum node started in-process on 127.0.0.1 and a free port, against a given Redis, with
 * blocking helpers for the REST API. Started exactly as {@code Main} starts it.
 */
public final class TestNode implements AutoCloseable {

  private final Werkraum werkraum;
  private final int port;

  private TestNode(Werkraum werkraum) {
    this.werkraum = werkraum;
    this.port = werkraum.config().port();
  }

  public static TestNode start(String redisUrl, Path dataDir) {
    return start(redisUrl, dataDir, Map.of());
  }

  /** @param extraEnv further settings as environment variables, e.g. cluster settings */
  public static TestNode start(String redisUrl, Path dataDir, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>();
    env.put("WERKRAUM_HOST", "127.0.0.1");
    env.put("WERKRAUM_PORT", Integer.toString(EmbeddedRedis.freePort()));
    env.put("WERKRAUM_METRICS_PORT", Integer.toString(EmbeddedRedis.freePort()));
    env.put("WERKRAUM_DATA_DIR", dataDir.toString());
    env.put("WERKRAUM_HTTP_INSTANCES", "2");
    if (redisUrl != null) {
      env.put("REDIS_URL", redisUrl);
    }
    env.putAll(extraEnv);
    WerkraumConfig config = ConfigLoader.load(new String[0], env);
    return new TestNode(Werkraum.start(config).await());
  }

  public int port() {
    return port;
  }

  public Werkraum werkraum() {
    return werkraum;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The management port, where {@code GET /metrics} is served. */
  public int metricsPort() {
    return werkraum.config().metricsPort();
  }

  /** Creates a board: {boardId, facilitatorLink, participantLink}, plus the two credentials. */
  public JsonObject createBoard(String title) {
    return created(post("/api/boards", new JsonObject().put("title", title)));
  }

  /** The board a create-like answer (create, import, from snapshot or template) made, with its two credentials. */
  public static JsonObject created(HttpResult created) {
    if (created.status() != 201) {
      throw new IllegalStateException("create failed: " + created);
    }
    JsonObject board = created.json();
    board.put("facilitatorSecret", board.getString("facilitatorLink").split("#f=")[1]);
    board.put("joinCode", board.getString("participantLink").split("#j=")[1]);
    return board;
  }

  /** Joins as a participant (join code) and returns {token, participant, board}. */
  public JsonObject joinAsParticipant(JsonObject board, String name, String organisation) {
    return join(board, new JsonObject().put("joinCode", board.getString("joinCode")), name, organisation);
  }

  public JsonObject joinAsFacilitator(JsonObject board, String name) {
    return join(board, new JsonObject().put("facilitatorSecret", board.getString("facilitatorSecret")), name, "");
  }

  private JsonObject join(JsonObject board, JsonObject credential, String name, String organisation) {
    HttpResult joined = post("/api/boards/" + board.getString("boardId") + "/join",
        credential.put("name", name).put("organisation", organisation));
    if (joined.status() != 200) {
      throw new IllegalStateException("join failed: " + joined);
    }
    return joined.json();
  }

  public HttpResult post(String path, JsonObject body) {
    return http(port).post(path, body);
  }

  public HttpResult postRaw(String path, String body) {
    return http(port).postRaw(path, body);
  }

  public HttpResult get(String path, String bearerToken) {
    return http(port).get(path, bearerToken);
  }

  /** The REST API of whatever server listens on {@code port}. */
  public static ApiClient http(int port) {
    return new ApiClient(port);
  }

  @Override
  public void close() {
    werkraum.stop().await();
  }

  public record HttpResult(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }
}
