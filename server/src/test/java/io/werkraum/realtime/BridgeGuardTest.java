package io.werkraum.realtime;

import io.werkraum.testing.NodeTest;
import static io.werkraum.testing.Workshop.byId;
import static io.werkraum.testing.Workshop.fullState;
import static io.werkraum.testing.Workshop.notes;
import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Role;
import io.werkraum.protocol.Limits;
import io.werkraum.store.Keys;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One small test per rule of the bridge guard and the bridge's limits, as a browser (or an
 * attacker with a WebSocket) meets them: real SockJS frames against a real node.
 */
class BridgeGuardTest extends NodeTest {
  static Vertx vertx;
  static int port;
  static String origin;

  @BeforeAll
  static void address() {
    vertx = node.werkraum().vertx();
    port = node.port();
    origin = "http://127.0.0.1:" + port;
  }

  static String token(JsonObject joined) {
    return joined.getString("token");
  }

  // --- who may open a socket ---

  @Test
  void aValidTokenFromTheRightOriginIsLetIn() {
    try (Workshop w = Workshop.create(node, "Einlass")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      a.roundTrip();
      assertFalse(a.isClosed());
      assertEquals(true, a.command(Cmd.sync("main", null, null)).getBoolean("ok"));
    }
  }

  @Test
  void noTokenIsRefused() {
    assertTrue(BridgeClient.refused(vertx, port, null, origin));
    assertTrue(BridgeClient.refused(vertx, port, "", origin));
  }

  @Test
  void aBadTokenIsRefused() {
    assertTrue(BridgeClient.refused(vertx, port, "not-a-token", origin));
    assertTrue(BridgeClient.refused(vertx, port, "abc.def", origin));
    assertTrue(BridgeClient.refused(vertx, port, "x".repeat(600), origin));
  }

  @Test
  void theLongLivedJoinTokenIsNoSocketTicket() {
    try (Workshop w = Workshop.create(node, "Ticket")) {
      String token = token(w.join("Anna", ""));
      // The WebSocket URL may end up in logs: it must carry a short-lived ticket, never the token.
      assertTrue(BridgeClient.refusedTicket(vertx, port, token, origin));
    }
  }

  @Test
  void anExpiredOrForeignTicketIsRefused() {
    try (Workshop w = Workshop.create(node, "Abgelaufen");
         DirectStore direct = new DirectStore(vertx, redis.url())) {
      JsonObject anna = w.join("Anna", "");
      String secret = direct.send(Request.cmd(Command.GET).arg(Keys.SECRET)).toString();
      Actor actor = new Actor(w.id(), participantId(anna), Role.PARTICIPANT);
      String expired = new TokenService(secret).issueTicket(actor, System.currentTimeMillis() - 1);
      assertTrue(BridgeClient.refusedTicket(vertx, port, expired, origin), "expired");
      String foreign = new TokenService("another secret").issueTicket(actor, System.currentTimeMillis() + 60_000);
      assertTrue(BridgeClient.refusedTicket(vertx, port, foreign, origin), "signed elsewhere");
      String valid = new TokenService(secret).issueTicket(actor, System.currentTimeMillis() + 60_000);
      assertFalse(BridgeClient.refusedTicket(vertx, port, valid, origin), "a fresh ticket of ours is let in");
    }
  }

  @Test
  void aTamperedTokenIsRefused() {
    try (Workshop w = Workshop.create(node, "Manipuliert")) {
      String valid = token(w.join("Anna", ""));
      String[] parts = valid.split("\\.");
      String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
      assertTrue(payload.endsWith("|participant"), payload);
      String promoted = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(payload.replace("|participant", "|facilitator").getBytes(StandardCharsets.UTF_8));
      assertTrue(BridgeClient.refused(vertx, port, promoted + "." + parts[1], origin), "role changed");
      // Change a character in the middle: the last one carries bits a decoder may ignore.
      char middle = parts[1].charAt(10);
      String badSignature = parts[1].substring(0, 10) + (middle == 'A' ? 'B' : 'A') + parts[1].substring(11);
      assertTrue(BridgeClient.refused(vertx, port, parts[0] + "." + badSignature, origin), "signature changed");
      String otherSecret = new TokenService("someone-elses-secret")
          .issue(new Actor(w.id(), participantId(w.join("Ben", "")), Role.FACILITATOR));
      assertTrue(BridgeClient.refused(vertx, port, otherSecret, origin), "signed with another secret");
    }
  }

  @Test
  void aSignedTokenOfSomeoneWhoIsNotOnTheBoardIsRefused() {
    try (Workshop w = Workshop.create(node, "Entfernt");
         DirectStore direct = new DirectStore(vertx, redis.url())) {
      String secret = direct.send(Request.cmd(Command.GET).arg(Keys.SECRET)).toString();
      String ghost = new TokenService(secret).issue(new Actor(w.id(), "ghost", Role.PARTICIPANT));
      assertTrue(BridgeClient.refused(vertx, port, ghost, origin));
    }
  }

  @Test
  void aWrongOriginIsRefused() {
    try (Workshop w = Workshop.create(node, "Origin")) {
      String token = token(w.join("Anna", ""));
      assertTrue(BridgeClient.refused(vertx, port, token, "http://evil.example"));
      assertTrue(BridgeClient.refused(vertx, port, token, "http://127.0.0.1:" + (port + 1)));
      assertTrue(BridgeClient.refused(vertx, port, token, "null"));
    }
  }

  @Test
  void aMissingOriginIsRefused() {
    try (Workshop w = Workshop.create(node, "Ohne Origin")) {
      assertTrue(BridgeClient.refused(vertx, port, token(w.join("Anna", "")), null));
    }
  }

  // --- what a socket may do ---

  @Test
  void publishIsRejectedAndReachesNobody() {
    try (Workshop w = Workshop.create(node, "Kein Publish")) {
      BridgeClient a = w.joinAndListen("Anna");
      BridgeClient b = w.joinAndListen("Ben");
      JsonObject fake = new JsonObject().put("type", "note.created").put("seq", 99)
          .put("note", Cmd.note("fake", 0, 0));
      a.sendFrame(new JsonObject().put("type", "publish").put("address", w.roomAddress("main")).put("body", fake));
      a.sendFrame(new JsonObject().put("type", "publish").put("address", w.boardAddress()).put("body", fake));
      a.sendFrame(new JsonObject().put("type", "publish").put("address", "werkraum.commands").put("body", Cmd.createNote("main", Cmd.note("p1", 0, 0))));
      a.roundTrip();
      assertEquals(List.of("rejected", "rejected", "rejected"), a.errors().subList(0, 3));
      assertTrue(a.messages(w.roomAddress("main")).isEmpty(), "not even the sender got it");
      b.roundTrip();
      assertTrue(b.messages(w.roomAddress("main")).isEmpty(), "Ben got nothing on the room");
      assertTrue(b.messages(w.boardAddress()).stream().noneMatch(m -> "note.created".equals(m.getString("type"))));
      assertTrue(notes(b, "main").isEmpty());
    }
  }

  @Test
  void registeringOnAnotherBoardIsRejectedAndDeliversNothing() {
    try (Workshop other = Workshop.create(node, "Fremd"); Workshop mine = Workshop.create(node, "Eigen")) {
      BridgeClient owner = other.joinAndListen("Olga");
      BridgeClient intruder = mine.connect(mine.join("Ingo", ""));
      intruder.register(other.boardAddress());
      intruder.register(other.roomAddress("main"));
      intruder.register(other.personalAddress(participantId(other.join("Paul", ""))));
      intruder.roundTrip();
      assertEquals(List.of("rejected", "rejected", "rejected"), intruder.errors());

      owner.command(Cmd.createNote("main", Cmd.note("n1", 0, 0)));
      owner.command(Cmd.updateParticipant(new JsonObject().put("name", "Olga B.")));
      owner.awaitMessage(other.roomAddress("main"), e -> "note.created".equals(e.getString("type")));
      owner.awaitMessage(other.boardAddress(), e -> "participant.updated".equals(e.getString("type")));
      intruder.roundTrip();
      assertTrue(intruder.frames().stream().noneMatch(f -> "rec".equals(f.getString("type"))), intruder.frames().toString());
    }
  }

  @Test
  void registeringOnAnotherParticipantsAddressIsRejectedAndOnOnesOwnDelivers() {
    try (Workshop w = Workshop.create(node, "Persönlich")) {
      JsonObject anna = w.join("Anna", "");
      JsonObject ben = w.join("Ben", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.connect(ben);
      String bensAddress = w.personalAddress(participantId(ben));
      a.register(bensAddress);
      a.roundTrip();
      assertEquals(List.of("rejected"), a.errors());
      b.registerAndWait(bensAddress);
      assertEquals(List.of(), b.errors());

      vertx.eventBus().publish(bensAddress, new JsonObject().put("type", "vote.private").put("for", "Ben"));
      assertEquals("Ben", b.awaitMessage(bensAddress, m -> true).getString("for"));
      a.roundTrip();
      assertTrue(a.messages(bensAddress).isEmpty());
    }
  }

  @Test
  void registeringOnOnesOwnBoardAndRoomDelivers() {
    try (Workshop w = Workshop.create(node, "Eigene Adressen")) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      a.register(w.boardAddress());
      a.register(w.roomAddress("main"));
      a.registerAndWait(w.personalAddress(participantId(anna)));
      assertEquals(List.of(), a.errors());
      BridgeClient b = w.connect(w.join("Ben", ""));
      b.command(Cmd.createNote("main", Cmd.note("n1", 0, 0)));
      b.command(Cmd.updateParticipant(new JsonObject().put("name", "Benedikt")));
      assertEquals("n1", a.awaitMessage(w.roomAddress("main"), e -> "note.created".equals(e.getString("type")))
          .getJsonObject("note").getString("id"));
      assertEquals("Benedikt", a.awaitMessage(w.boardAddress(), e -> "participant.updated".equals(e.getString("type")))
          .getJsonObject("patch").getString("name"));
    }
  }

  @Test
  void sendingToAnyOtherAddressIsAnErrorFrame() {
    try (Workshop w = Workshop.create(node, "Adressen")) {
      BridgeClient a = w.joinAndListen("Anna");
      a.send(w.roomAddress("main"), new JsonObject().put("type", "note.created"));
      a.send(w.boardAddress(), new JsonObject().put("type", "online"));
      a.send("werkraum.admin", new JsonObject());
      a.send("werkraum.commands.x", Cmd.createNote("main", Cmd.note("n1", 0, 0)));
      a.roundTrip();
      assertEquals(List.of("rejected", "rejected", "rejected", "rejected"), a.errors());
      assertTrue(a.messages(w.roomAddress("main")).isEmpty());
      assertTrue(a.messages(w.boardAddress()).stream().allMatch(m -> "online".equals(m.getString("type"))),
          "only the server's own online lists arrived: " + a.messages(w.boardAddress()));
      assertTrue(notes(a, "main").isEmpty());
    }
  }

  @Test
  void forgedIdentityHeadersAreOverwrittenByTheGuard() {
    try (Workshop other = Workshop.create(node, "Anderes"); Workshop w = Workshop.create(node, "Gefälscht")) {
      JsonObject anna = w.join("Anna", "");
      JsonObject fay = w.joinAsFacilitator("Fay");
      BridgeClient a = w.connect(anna);
      JsonObject forged = new JsonObject()
          .put("werkraum-participant", participantId(fay))
          .put("werkraum-board", other.id())
          .put("werkraum-role", "facilitator")
          .put("werkraum-socket", "someone-elses-socket")
          .put("werkraum-rate-limited", "true");
      JsonObject reply = a.requestFrame("werkraum.commands",
          Cmd.createNote("main", Cmd.note("n1", 0, 0).put("text", "von Anna")), forged).getJsonObject("body");
      assertEquals(true, reply.getBoolean("ok"), reply.encode());
      JsonObject note = byId(notes(a, "main"), "n1");
      assertEquals(participantId(anna), note.getString("author"), "the author is the real sender");
      // The note landed on the sender's board, not the one named in the forged header.
      BridgeClient o = other.connect(other.join("Otto", ""));
      assertTrue(notes(o, "main").isEmpty());
      // Renaming with forged headers renames the sender, not the facilitator.
      a.requestFrame("werkraum.commands", Cmd.updateParticipant(new JsonObject().put("name", "Chefin")), forged);
      var participants = fullState(a, "main").getJsonObject("board").getJsonObject("state").getJsonArray("participants");
      assertEquals("Chefin", byId(participants, participantId(anna)).getString("name"));
      assertEquals("Fay", byId(participants, participantId(fay)).getString("name"));
    }
  }

  @Test
  void aFrameLargerThan64KbClosesTheSocketAndStoresNothing() {
    try (Workshop w = Workshop.create(node, "Riesig")) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient big = BridgeClient.connect(vertx, port, token(anna), origin,
          new WebSocketClientOptions().setMaxFrameSize(1024 * 1024).setMaxMessageSize(1024 * 1024));
      try {
        big.roundTrip();
        JsonObject huge = Cmd.createNote("main", Cmd.note("huge", 0, 0).put("text", "x".repeat(1000)))
            .put("padding", "y".repeat(70 * 1024));
        big.sendFrame(new JsonObject().put("type", "send").put("address", "werkraum.commands").put("body", huge)
            .put("replyAddress", "r1"));
        assertTrue(big.awaitClosed(), "closed");
        assertEquals((short) 1009, big.closeStatus(), "closed as 'message too big'");
      } finally {
        big.close();
      }
      BridgeClient b = w.connect(w.join("Ben", ""));
      assertNull(byId(notes(b, "main"), "huge"));
    }
  }

  /**
   * Regression (fixed in b762ee4): a message over 64 KB sent in several frames, each within the
   * frame limit, overflows Vert.x's message size limit; SockJS shuts its session down but leaves the
   * WebSocket open, so the guard must close the socket on SOCKET_ERROR or the browser keeps a dead
   * connection and never reconnects.
   */
  @Test
  void aMessageLargerThan64KbInSeveralFramesClosesTheSocket() {
    try (Workshop w = Workshop.create(node, "Riesig 2")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      a.roundTrip();
      // The default client splits a large message into 64 KB frames; the whole message is too big.
      a.sendFrame(new JsonObject().put("type", "send").put("address", "werkraum.commands")
          .put("body", Cmd.createNote("main", Cmd.note("huge", 0, 0)).put("padding", "y".repeat(100 * 1024))));
      BridgeClient b = w.connect(w.join("Ben", ""));
      assertNull(byId(notes(b, "main"), "huge"), "nothing stored");
      assertTrue(a.awaitClosed(), "a >64 KB message in several frames closes the socket");
      assertEquals((short) 1009, a.closeStatus(), "closed as 'message too big'");
    }
  }

  @Test
  void normalUseIsNeverRateLimited() {
    try (Workshop w = Workshop.create(node, "Normal")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      // A reconnect resending its unacknowledged commands at once ...
      for (int i = 0; i < 40; i++) {
        JsonObject reply = a.command(Cmd.createNote("main", Cmd.note("n" + i, i, i)));
        assertEquals(true, reply.getBoolean("ok"), reply.encode());
      }
      // ... then someone working quickly, about 15 commands a second.
      for (int i = 0; i < 20; i++) {
        sleep(65);
        JsonObject reply = a.command(Cmd.updateNote("main", "n" + i, new JsonObject().put("text", "t" + i)));
        assertEquals(true, reply.getBoolean("ok"), reply.encode());
      }
      assertFalse(a.isClosed());
    }
  }

  @Test
  void aBurstOfCommandsIsAppliedInOrderAndOnlyAnOverlongQueueIsRefusedAtEachCommandsOwnAddress() {
    try (Workshop w = Workshop.create(node, "Flut")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      // A hundred commands in one WebSocket message: far more than a browser keeps in flight.
      int sent = 100;
      List<String> replyAddresses = new ArrayList<>();
      List<JsonObject> frames = new ArrayList<>();
      for (int i = 0; i < sent; i++) {
        replyAddresses.add("r-" + i);
        frames.add(new JsonObject().put("type", "send").put("address", "werkraum.commands").put("replyAddress", "r-" + i)
            .put("body", Cmd.createNote("main", Cmd.note("n" + i, 0, 0))));
      }
      a.sendFrames(frames);
      List<JsonObject> bodies = new ArrayList<>();
      for (String address : replyAddresses) {
        bodies.add(a.awaitFrame(f -> address.equals(f.getString("address"))).getJsonObject("body"));
      }
      assertEquals(List.of(), a.errors(), "every refusal names its command: it is a reply");
      List<JsonObject> applied = bodies.stream().filter(b -> b.getBoolean("ok")).toList();
      for (JsonObject refused : bodies.stream().filter(b -> !b.getBoolean("ok")).toList()) {
        assertEquals("rate_limited", refused.getString("code"), refused.encode());
        assertTrue(refused.getLong("retryAfterMs") > 0, refused.encode());
      }
      assertTrue(applied.size() > Limits.COMMANDS_IN_FLIGHT, "a queue of twice what a browser keeps in flight waits: "
          + applied.size());
      List<Long> seqs = applied.stream().map(b -> b.getLong("seq")).toList();
      assertEquals(seqs.stream().sorted().toList(), seqs, "applied in the order sent");
      assertFalse(a.isClosed(), "a burst does not close the socket");

      // Resent as a browser does (sixteen in flight at most), the refused ones are all applied.
      List<Integer> refused = new ArrayList<>();
      for (int i = 0; i < sent; i++) {
        if (!bodies.get(i).getBoolean("ok")) {
          refused.add(i);
        }
      }
      Deque<Future<JsonObject>> inFlight = new ArrayDeque<>();
      List<Future<JsonObject>> resent = new ArrayList<>();
      for (int i : refused) {
        if (inFlight.size() >= Limits.COMMANDS_IN_FLIGHT) {
          BridgeClient.await(inFlight.removeFirst());
        }
        Future<JsonObject> reply = a.requestAsync("werkraum.commands", Cmd.createNote("main", Cmd.note("n" + i, 0, 0)));
        inFlight.addLast(reply);
        resent.add(reply);
      }
      resent.forEach(f -> assertEquals(true, BridgeClient.await(f).getJsonObject("body").getBoolean("ok")));
      BridgeClient b = w.connect(w.join("Ben", ""));
      assertEquals(sent, notes(b, "main").size(), "every note landed");
    }
  }

  @Test
  void aSocketThatKeepsFloodingIsClosed() {
    try (Workshop w = Workshop.create(node, "Dauerflut")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      for (int batch = 0; batch < 20 && !a.isClosed(); batch++) {
        List<JsonObject> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          frames.add(new JsonObject().put("type", "send").put("address", "werkraum.commands")
              .put("body", Cmd.updateNote("main", "missing", new JsonObject().put("x", i))));
        }
        try {
          a.sendFrames(frames);
        } catch (RuntimeException e) {
          break; // closed while sending
        }
      }
      assertTrue(a.awaitClosed(), "a flooding socket is closed");
    }
  }

  @Test
  void moreThanSixteenRegistrationsAreRefusedButACommandIsAlwaysAnswered() {
    try (Workshop w = Workshop.create(node, "Handler")) {
      // A facilitator may listen to every room of the board, so she can reach the cap.
      JsonObject anna = w.joinAsFacilitator("Anna");
      BridgeClient a = w.connect(anna);
      a.register(w.boardAddress());
      a.register(w.personalAddress(participantId(anna)));
      for (int i = 0; i < 14; i++) {
        a.register(w.roomAddress(i == 0 ? "main" : "room" + i));
      }
      a.roundTrip();
      assertEquals(List.of(), a.errors(), "16 registrations are fine");
      a.register(w.roomAddress("room15"));
      a.roundTrip();
      assertEquals(List.of("rejected"), a.errors());
      // Replies waiting do not count against it: a command is answered with 16 registered.
      assertEquals(true, a.command(Cmd.sync("main", null, null)).getBoolean("ok"));
      // Unregistering frees a slot.
      a.sendFrame(new JsonObject().put("type", "unregister").put("address", w.roomAddress("room13")));
      a.register(w.roomAddress("room15"));
      a.roundTrip();
      assertEquals(1, a.errors().size());
      assertFalse(a.isClosed());
    }
  }

  @Test
  void aMalformedJsonFrameIsAnsweredInvalidJsonAndChangesNothing() {
    try (Workshop w = Workshop.create(node, "Kein JSON")) {
      BridgeClient a = w.joinAndListen("Anna");
      a.sendRaw(new JsonArray().add("{\"type\":\"send\",\"address\":\"werkraum.commands\",\"body\":{").encode());
      a.sendRaw(new JsonArray().add("not json at all").encode());
      a.sendRaw(new JsonArray().add("[\"an array\"]").encode());
      a.sendRaw(new JsonArray().add("{\"address\":\"werkraum.commands\"}").encode());
      a.roundTrip();
      assertEquals(List.of("invalid_json", "invalid_json", "invalid_json", "missing_type"), a.errors());
      assertFalse(a.isClosed());
      JsonObject room = fullState(a, "main").getJsonObject("room");
      assertEquals(0, room.getLong("seq"));
      assertTrue(room.getJsonObject("state").getJsonArray("notes").isEmpty());
    }
  }

  @Test
  void textThatIsNoSockJsMessageIsAnsweredInvalidJsonAndTheSocketStays() {
    try (Workshop w = Workshop.create(node, "Kein SockJS")) {
      BridgeClient a = w.joinAndListen("Anna");
      a.sendRaw("hello");
      a.sendRaw("{\"type\":\"send\",\"address\":\"werkraum.commands\",\"body\":{}}");
      a.sendRaw("[1,2]");
      a.roundTrip();
      assertEquals(List.of("invalid_json", "invalid_json", "invalid_json"), a.errors());
      assertFalse(a.isClosed(), "a bad frame changes nothing, the socket included");
      assertEquals(true, a.command(Cmd.createNote("main", Cmd.note("n1", 0, 0))).getBoolean("ok"));
    }
  }

  @Test
  void aCommandNestedTooDeepIsAnsweredAtItsReplyAddress() {
    try (Workshop w = Workshop.create(node, "Tief")) {
      BridgeClient a = w.joinAndListen("Anna");
      for (int depth : List.of(17, 2_000, 20_000)) {
        String body = "{\"a\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}";
        String frame = "{\"type\":\"send\",\"address\":\"werkraum.commands\",\"body\":" + body
            + ",\"replyAddress\":\"deep-" + depth + "\"}";
        a.sendRaw(new JsonArray().add(frame).encode());
        JsonObject reply = a.awaitFrame(f -> ("deep-" + depth).equals(f.getString("address"))).getJsonObject("body");
        assertEquals(false, reply.getBoolean("ok"), reply.encode());
        assertEquals("invalid_input", reply.getString("code"), reply.encode());
      }
      // Within the size limit, without a reply address: there is nobody to answer but the socket.
      a.sendRaw(new JsonArray().add("{\"type\":\"send\",\"address\":\"werkraum.commands\",\"body\":"
          + "[".repeat(25_000) + "]".repeat(25_000) + "}").encode());
      a.roundTrip();
      assertEquals(List.of("invalid_json"), a.errors());
      assertFalse(a.isClosed());
      assertEquals(0, fullState(a, "main").getJsonObject("room").getLong("seq"), "nothing was applied");
    }
  }

  @Test
  void onlyTheSockJsWebSocketTransportIsServed() {
    for (String path : List.of("/eventbus/websocket", "/eventbus/info", "/eventbus/123/abcdefgh/xhr",
        "/eventbus/123/abcdefgh/eventsource")) {
      assertEquals(404, node.get(path, null).status(), path);
    }
  }

  @Test
  void aSocketTicketOpensOneSocket() {
    try (Workshop w = Workshop.create(node, "Einmal")) {
      JsonObject anna = w.join("Anna", "");
      String ticket = TestNode.http(port).postBearer("/api/boards/" + w.id() + "/ticket", anna.getString("token"))
          .json().getString("ticket");
      assertFalse(BridgeClient.refusedTicket(vertx, port, ticket, origin), "the ticket opens a socket");
      assertTrue(BridgeClient.refusedTicket(vertx, port, ticket, origin), "and not a second one");
    }
  }


  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
