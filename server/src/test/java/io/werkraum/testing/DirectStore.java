package io.werkraum.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.auth.Sessions;
import io.werkraum.auth.SignedIn;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Role;
import io.werkraum.boards.Boards;
import io.werkraum.command.CommandPipeline;
import io.werkraum.config.ConfigLoader;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.config.WerkraumConfig.Retention;
import io.werkraum.publish.Publisher;
import io.werkraum.realtime.RealtimeVerticle;
import io.werkraum.store.BoardCreation;
import io.werkraum.store.BoardRemoval;
import io.werkraum.store.BoardStore;
import io.werkraum.store.StateReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The server's own command table and store, used directly by tests to set up large states fast
 * (thousands of commands) or to change a board while a client is away. Nothing is published on
 * the event bus: exactly what a client that missed the events has to catch up on (or what a node
 * that died right after committing left behind).
 */
public final class DirectStore implements AutoCloseable {
  private static final int CHUNK = 250;

  private final Redis redis;
  private final BoardStore store;
  private final StateReads reads;
  private final CommandPipeline pipeline;
  private final Boards boards;

  public DirectStore(Vertx vertx, String redisUrl) {
    this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl)
        .setMaxPoolSize(8).setMaxPoolWaiting(4 * CHUNK).setMaxWaitingHandlers(4 * CHUNK));
    this.store = new BoardStore(redis);
    this.reads = new StateReads(redis);
    WerkraumConfig config = ConfigLoader.load(new String[0], Map.of());
    Retention retention = config.retention();
    this.pipeline = new CommandPipeline(
        RealtimeVerticle.commandTable(vertx, redis, config, new Publisher(vertx.eventBus())), null);
    this.boards = new Boards(store, new BoardCreation(redis), new Sessions(new TokenService("direct-store"), store),
        new Publisher(vertx.eventBus()), new BoardRemoval(redis), RealtimeVerticle.auditLog(redis, retention), retention);
  }

  /** A new empty board, made as the HTTP API makes it. */
  public Board createBoard(String title) {
    return createBoard(title, null);
  }

  /** A new empty board created by {@code owner}, signed in (null: nobody). */
  public Board createBoard(String title, SignedIn owner) {
    return BridgeClient.await(boards.create(title, owner, null));
  }

  /** Someone joining {@code board} with the link of {@code role}; who they are. */
  public Actor join(Board board, Role role, String name, String organisation) {
    return join(board, role, name, organisation, null);
  }

  /** As {@link #join(Board, Role, String, String)}, from a browser where {@code signedIn} is signed in (null: nobody). */
  public Actor join(Board board, Role role, String name, String organisation, SignedIn signedIn) {
    Boards.Credential credential = switch (role) {
      case FACILITATOR -> Boards.Credential.FACILITATOR_SECRET;
      case PARTICIPANT -> Boards.Credential.JOIN_CODE;
      case OBSERVER -> Boards.Credential.OBSERVER_CODE;
    };
    String secret = switch (role) {
      case FACILITATOR -> board.facilitatorSecret();
      case PARTICIPANT -> board.joinCode();
      case OBSERVER -> board.observerCode();
    };
    JsonObject joined = BridgeClient.await(boards.join(board.id(), credential, secret, name, organisation, null, signedIn));
    return new Actor(board.id(), joined.getJsonObject("participant").getString("id"), role);
  }

  public BoardStore store() {
    return store;
  }

  public StateReads reads() {
    return reads;
  }

  /** One command body, applied as {@code actor} sent it; the reply. */
  public JsonObject apply(Actor actor, JsonObject body) {
    return BridgeClient.await(pipeline.run(actor, body));
  }

  /** Applies {@code count} command bodies made by {@code body(i)}, pipelined in chunks; their replies. */
  public List<JsonObject> apply(Actor actor, int count, IntFunction<JsonObject> body) {
    List<JsonObject> replies = new ArrayList<>(count);
    for (int start = 0; start < count; start += CHUNK) {
      List<Future<JsonObject>> chunk = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + CHUNK); i++) {
        chunk.add(pipeline.run(actor, body.apply(i)));
      }
      BridgeClient.await(Future.all(chunk));
      chunk.forEach(f -> replies.add(f.result()));
    }
    return replies;
  }

  public Response send(Request request) {
    return BridgeClient.await(redis.send(request));
  }

  @Override
  public void close() {
    redis.close();
  }
}
