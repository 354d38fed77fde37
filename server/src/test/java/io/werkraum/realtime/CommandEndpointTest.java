package io.werkraum.realtime;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.werkraum.command.Access;
import io.werkraum.command.CommandPipeline;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Result;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.Limits;
import io.werkraum.testing.Await;
import io.werkraum.testing.BridgeClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue each socket's commands wait in, below the socket: in order, one at a time, refused
 * only past its length, and dropped when the socket closes. Commands here finish when the test
 * says so.
 */
class CommandEndpointTest {
  private Vertx vertx;
  /** The handler's calls, in order: their number and the promise that finishes each. */
  private final List<Promise<Result>> running = new CopyOnWriteArrayList<>();
  private final List<Long> ran = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    CommandTable table = CommandTable.of(List.of(commands -> commands.add(new CommandSpec<>(CommandType.NOTE_UPDATE,
        Set.of("n"), body -> body.integer("n", 0, 1_000), Access.MEMBERS, call -> {
          Promise<Result> done = Promise.promise();
          ran.add(call.command());
          running.add(done);
          return done.future();
        }))));
    CommandEndpoint endpoint = new CommandEndpoint(vertx, new CommandPipeline(table, null), WerkraumMetrics.create(false));
    Promise<Void> registered = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> endpoint.register().onComplete(registered));
    BridgeClient.await(registered.future());
  }

  @AfterEach
  void stop() {
    BridgeClient.await(vertx.close());
  }

  private Future<JsonObject> send(String socket, long n) {
    DeliveryOptions headers = new DeliveryOptions().addHeader(Headers.BOARD, "b").addHeader(Headers.PARTICIPANT, "p")
        .addHeader(Headers.ROLE, "participant").addHeader(Headers.SOCKET, socket);
    return vertx.eventBus().<JsonObject>request(Addresses.COMMANDS,
        new JsonObject().put("type", "note.update").put("commandId", "c" + n).put("n", n), headers)
        .map(reply -> reply.body());
  }

  private void awaitRunning(int count) {
    Await.until("the command runs (" + count + " started)", BridgeClient.TIMEOUT, () -> running.size() >= count,
        () -> running.size() + " started");
  }

  @Test
  void oneSocketsCommandsRunOneAfterAnotherInTheOrderSent() {
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (long n = 0; n < 5; n++) {
      replies.add(send("s1", n));
    }
    for (int i = 0; i < 5; i++) {
      awaitRunning(i + 1);
      assertEquals(i + 1, running.size(), "the next waits for the one before");
      running.get(i).complete(Result.answer());
    }
    replies.forEach(r -> assertEquals(true, BridgeClient.await(r).getBoolean("ok")));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), ran);
  }

  @Test
  void aQueueLongerThanTwiceWhatABrowserKeepsInFlightIsRefusedAtEachCommandsOwnAddress() {
    List<Future<JsonObject>> replies = new ArrayList<>();
    int sent = 1 + CommandEndpoint.QUEUE_MAX + 3;
    for (long n = 0; n < sent; n++) {
      replies.add(send("s1", n));
    }
    awaitRunning(1);
    for (int i = 1 + CommandEndpoint.QUEUE_MAX; i < sent; i++) {
      JsonObject refused = BridgeClient.await(replies.get(i));
      assertEquals("rate_limited", refused.getString("code"), refused.encode());
      assertTrue(refused.getLong("retryAfterMs") >= 1000L * CommandEndpoint.QUEUE_MAX / Limits.COMMANDS_PER_SECOND);
    }
    // Another socket's queue is its own.
    Future<JsonObject> other = send("s2", 999);
    awaitRunning(2);
    running.get(1).complete(Result.answer());
    assertEquals(true, BridgeClient.await(other).getBoolean("ok"));
  }

  @Test
  void aClosedSocketsWaitingCommandsAreDroppedAndOnlyTheRunningOneFinishes() {
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (long n = 0; n < 5; n++) {
      replies.add(send("s1", n));
    }
    awaitRunning(1);
    vertx.eventBus().publish(Bus.SOCKET_CLOSED, "s1", new DeliveryOptions().setLocalOnly(true));
    for (int i = 1; i < 5; i++) {
      assertEquals("unavailable", BridgeClient.await(replies.get(i)).getString("code"), "dropped, for a resend");
    }
    running.get(0).complete(Result.answer());
    assertEquals(true, BridgeClient.await(replies.get(0)).getBoolean("ok"));
    assertEquals(List.of(0L), ran, "nothing after the close ran");
  }
}
