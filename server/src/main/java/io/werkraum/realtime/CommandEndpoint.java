package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.command.CommandPipeline;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers {@code werkraum.commands} for this node's sockets. Each socket's commands run one after
 * another, in the order sent (a note's creation cannot overtake its first edit), at most
 * {@link Limits#COMMANDS_PER_SECOND} a second after a burst of {@link Limits#COMMAND_BURST}: more
 * wait their turn rather than being refused, so a browser that comes back online with a hundred
 * edits gets all of them applied as fast as the rate allows. Only a queue longer than twice what
 * a browser keeps in flight is refused, {@code rate_limited} with the time to wait, at the
 * command's own reply address. A socket that closes takes its waiting commands with it (its
 * browser resends them, with their command ids, on the next socket). Every reply goes out in
 * {@link #answer}, which counts it and its time since receipt. Used on one event loop.
 */
public final class CommandEndpoint {
  static final int QUEUE_MAX = 2 * Limits.COMMANDS_IN_FLIGHT;

  private final Vertx vertx;
  private final CommandPipeline pipeline;
  private final WerkraumMetrics metrics;
  private final Map<String, SocketQueue> queues = new HashMap<>();
  private MessageConsumer<Object> commands;
  private MessageConsumer<String> closes;

  /** A command waiting, with who sent it (read from the guard's headers once) and when it came. */
  private record Waiting(Message<Object> message, Actor actor, long receivedNanos) {}

  /** One socket's commands waiting, and the pace they go at. */
  private static final class SocketQueue {
    final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    final RateLimiter pace = new RateLimiter(Limits.COMMANDS_PER_SECOND, Limits.COMMAND_BURST);
    boolean running;
    boolean closed;
  }

  public CommandEndpoint(Vertx vertx, CommandPipeline pipeline, WerkraumMetrics metrics) {
    this.vertx = vertx;
    this.pipeline = pipeline;
    this.metrics = metrics;
  }

  /** Listens locally: each node answers the commands of its own sockets. */
  public Future<Void> register() {
    commands = vertx.eventBus().localConsumer(Addresses.COMMANDS, this::handle);
    closes = vertx.eventBus().localConsumer(Bus.SOCKET_CLOSED, message -> closed(message.body()));
    return Future.all(commands.completion(), closes.completion()).mapEmpty();
  }

  public Future<Void> unregister() {
    return commands == null ? Future.succeededFuture() : Future.join(commands.unregister(), closes.unregister()).mapEmpty();
  }

  private void handle(Message<Object> message) {
    long received = System.nanoTime();
    Actor actor = Headers.actor(message.headers());
    String socket = message.headers().get(Headers.SOCKET);
    if (actor == null || socket == null) {
      answer(message, received, CommandPipeline.error(ErrorCode.NOT_ALLOWED, "message did not come through the bridge guard"));
      return;
    }
    SocketQueue queue = queues.computeIfAbsent(socket, s -> new SocketQueue());
    if (queue.waiting.size() >= QUEUE_MAX) {
      long waitMs = (queue.waiting.size() + 1) * 1000L / Limits.COMMANDS_PER_SECOND;
      answer(message, received, CommandPipeline.error(ErrorCode.RATE_LIMITED, "too many commands at once; retry later")
          .put("retryAfterMs", waitMs));
      return;
    }
    queue.waiting.add(new Waiting(message, actor, received));
    pump(socket, queue);
  }

  /** Runs the next waiting command when the one before is answered and the pace allows. */
  private void pump(String socket, SocketQueue queue) {
    if (queue.running || queue.closed) {
      return;
    }
    if (queue.waiting.isEmpty()) {
      queues.remove(socket, queue);
      return;
    }
    long wait = queue.pace.nanosUntilToken();
    if (wait > 0) {
      queue.running = true;
      vertx.setTimer(Math.max(1, wait / 1_000_000), id -> {
        queue.running = false;
        pump(socket, queue);
      });
      return;
    }
    queue.pace.tryAcquire();
    Waiting next = queue.waiting.poll();
    queue.running = true;
    pipeline.run(next.actor(), next.message().body()).onComplete(done -> {
      answer(next.message(), next.receivedNanos(), done.succeeded() ? done.result() : CommandPipeline.error(done.cause()));
      queue.running = false;
      pump(socket, queue);
    });
  }

  private void closed(String socket) {
    SocketQueue queue = queues.remove(socket);
    if (queue != null) {
      queue.closed = true;
      JsonObject gone = CommandPipeline.error(ErrorCode.UNAVAILABLE, "the socket closed before this command ran; resend it");
      queue.waiting.forEach(waiting -> answer(waiting.message(), waiting.receivedNanos(), gone));
      queue.waiting.clear();
    }
  }

  private void answer(Message<Object> message, long receivedNanos, JsonObject reply) {
    message.reply(reply);
    metrics.commandAnswered(message.body(), reply, receivedNanos);
  }
}
