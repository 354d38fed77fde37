package io.werkraum.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.board.Actor;
import io.werkraum.board.Command;
import io.werkraum.board.Decider;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The server's own Lua-backed {@link BoardStore}, used directly by tests to set up large states
 * fast (thousands of commands) or to change a board while a client is away. Nothing is published
 * on the event bus: exactly what a client that missed the events has to catch up on.
 */
public final class DirectStore implements AutoCloseable {
  private static final int CHUNK = 250;

  private final Redis redis;
  private final BoardStore store;

  public DirectStore(Vertx vertx, String redisUrl) {
    this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl)
        .setMaxPoolSize(8).setMaxPoolWaiting(4 * CHUNK).setMaxWaitingHandlers(4 * CHUNK));
    this.store = new BoardStore(redis);
  }

  public BoardStore store() {
    return store;
  }

  /** Applies {@code count} commands made by {@code command(i)}, pipelined in chunks; returns their outcomes. */
  public List<Outcome> apply(Actor actor, int count, IntFunction<Command> command) {
    List<Outcome> outcomes = new ArrayList<>(count);
    for (int start = 0; start < count; start += CHUNK) {
      List<Future<Outcome>> chunk = new ArrayList<>();
      long now = System.currentTimeMillis();
      for (int i = start; i < Math.min(count, start + CHUNK); i++) {
        Command c = command.apply(i);
        chunk.add(store.apply(actor.boardId(), actor.participantId(), c.commandId(), Decider.decide(actor, c, now), now));
      }
      BridgeClient.await(Future.all(chunk));
      chunk.forEach(f -> outcomes.add(f.result()));
    }
    return outcomes;
  }

  public Response send(Request request) {
    return BridgeClient.await(redis.send(request));
  }

  @Override
  public void close() {
    redis.close();
  }
}
