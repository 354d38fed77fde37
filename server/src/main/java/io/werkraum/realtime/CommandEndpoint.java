package io.werkraum.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Command;
import io.werkraum.board.CommandParser;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Rejection;
import io.werkraum.service.CommandRouter;
import io.werkraum.store.EventCodec;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers {@code werkraum.commands}: parses, authorises and applies each command, replying
 * {@code {ok:true, seq}} after Redis committed it or {@code {ok:false, code, message}}. Commands of
 * one socket are applied one after another, in the order the socket sent them, so a note's
 * creation cannot overtake its first edit on the way to Redis.
 */
public final class CommandEndpoint {
  private static final Logger LOG = Logger.getLogger(CommandEndpoint.class.getName());

  private final CommandRouter router;
  /** The last queued command of each socket; only touched on this endpoint's event loop. */
  private final Map<String, Future<Void>> queues = new HashMap<>();
  private MessageConsumer<Object> consumer;

  public CommandEndpoint(CommandRouter router) {
    this.router = router;
  }

  /** Listens locally: each node answers the commands of its own sockets. */
  public Future<Void> register(EventBus eventBus) {
    consumer = eventBus.localConsumer(Addresses.COMMANDS, this::handle);
    return consumer.completion();
  }

  public Future<Void> unregister() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void handle(Message<Object> message) {
    Actor actor = Headers.actor(message.headers());
    if (actor == null) {
      message.reply(error(ErrorCode.NOT_ALLOWED, "message did not come through the bridge guard"));
      return;
    }
    if (message.headers().contains(Headers.RATE_LIMITED)) {
      message.reply(error(ErrorCode.RATE_LIMITED, "too many commands; slow down and retry"));
      return;
    }
    String socket = message.headers().get(Headers.SOCKET);
    Future<Void> previous = queues.getOrDefault(socket, Future.succeededFuture());
    Future<Void> mine = previous.transform(ignored -> run(actor, message.body()).map(reply -> {
      message.reply(reply);
      return null;
    }));
    queues.put(socket, mine);
    mine.onComplete(done -> queues.remove(socket, mine));
  }

  private Future<JsonObject> run(Actor actor, Object body) {
    Command command;
    try {
      command = CommandParser.parse(toTree(body));
    } catch (Rejection r) {
      return Future.succeededFuture(error(r.code(), r.getMessage()));
    }
    Future<JsonObject> result;
    try {
      result = router.handle(actor, command);
    } catch (Rejection r) {
      result = Future.failedFuture(r);
    }
    return result.recover(err -> Future.succeededFuture(toError(err)));
  }

  private static JsonNode toTree(Object body) {
    if (!(body instanceof JsonObject json)) {
      throw Rejection.invalid("a command must be a JSON object");
    }
    try {
      return EventCodec.JSON.readTree(json.encode());
    } catch (JsonProcessingException e) {
      throw Rejection.invalid("unreadable JSON");
    }
  }

  private static JsonObject toError(Throwable err) {
    if (err instanceof Rejection r) {
      return error(r.code(), r.getMessage()).mergeIn(new JsonObject(r.details()));
    }
    LOG.log(Level.WARNING, "command failed in the store", err);
    return error(ErrorCode.UNAVAILABLE, "the store is not reachable; nothing was applied, please retry");
  }

  static JsonObject error(ErrorCode code, String message) {
    return new JsonObject().put("ok", false).put("code", code.code()).put("message", message);
  }
}
