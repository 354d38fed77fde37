package io.werkraum.realtime;

import io.werkraum.testing.NodeTest;
import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.Await;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.store.Keys;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.werkraum.testing.Workshop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Cursors and drag previews relayed in batches per room and tick, and who is online. */
class PresenceTest extends NodeTest {
  static JsonObject cursor(double x, double y) {
    return new JsonObject().put("room", "main").put("kind", "cursor").put("x", x).put("y", y);
  }

  static JsonObject drag(String id, double x, double y) {
    return new JsonObject().put("room", "main").put("kind", "drag").put("id", id).put("x", x).put("y", y);
  }

  static JsonObject presenceFrame(JsonObject body) {
    return new JsonObject().put("type", "send").put("address", "werkraum.presence").put("body", body);
  }

  /** Every presence batch received on the address. */
  static List<JsonObject> batches(BridgeClient client, String address) {
    return client.messages(address).stream().filter(m -> "presence".equals(m.getString("type"))).toList();
  }

  /** Every item of every presence batch received on the address, in order. */
  static List<JsonObject> items(BridgeClient client, String address) {
    List<JsonObject> items = new ArrayList<>();
    for (JsonObject batch : batches(client, address)) {
      batch.getJsonArray("items").forEach(i -> items.add((JsonObject) i));
    }
    return items;
  }

  /** Waits for a presence batch holding an item that matches. */
  static JsonObject awaitItem(BridgeClient client, String address, Predicate<JsonObject> match) {
    JsonObject batch = client.awaitMessage(address, m -> "presence".equals(m.getString("type"))
        && m.getJsonArray("items").stream().anyMatch(i -> match.test((JsonObject) i)));
    return batch.getJsonArray("items").stream().map(i -> (JsonObject) i).filter(match).findFirst().orElseThrow();
  }

  @Test
  void presenceIntoARoomTheSenderIsNotInReachesNobody() {
    try (Workshop w = Workshop.create(node, "Falscher Raum")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      fac.ok(Cmd.createRooms(Cmd.room("r1", "Eins")));
      fac.ok(Cmd.command("rooms.assign").put("mode", "manual").put("assignments", new JsonObject().put(participantId(anna), "r1")));
      fac.ok(Cmd.command("rooms.open"));
      fac.registerAndWait(w.roomAddress("main"));
      fac.registerAndWait(w.roomAddress("r1"));
      BridgeClient a = w.connect(anna);
      a.registerAndWait(w.roomAddress("r1"));

      // Anna is in r1: a cursor she tags with the plenary goes nowhere; her cursor in r1 arrives.
      a.sendFrame(presenceFrame(cursor(666, 666)));
      a.sendFrame(presenceFrame(cursor(7, 8).put("room", "r1")));
      awaitItem(fac, w.roomAddress("r1"), i -> i.getDouble("x") == 7);
      // Batches of one relay go out in the order their rooms' first items came in.
      assertEquals(List.of(), items(fac, w.roomAddress("main")), "presence tagged with a room Anna is not in");
    }
  }

  @Test
  void cursorAndDragArriveAtAnotherSocketStampedWithTheSender() {
    try (Workshop w = Workshop.create(node, "Cursor")) {
      JsonObject anna = w.join("Anna", "");
      String annaId = participantId(anna);
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");
      String room = w.roomAddress("main");

      a.send("werkraum.presence", cursor(120.5, -40));
      JsonObject c = awaitItem(b, room, i -> "cursor".equals(i.getString("kind")));
      assertEquals(annaId, c.getString("p"));
      assertEquals(120.5, c.getDouble("x"));
      assertEquals(-40.0, c.getDouble("y"));
      assertFalse(c.containsKey("id"));

      a.send("werkraum.presence", drag("n1", 300, 200));
      JsonObject d = awaitItem(b, room, i -> "drag".equals(i.getString("kind")));
      assertEquals(annaId, d.getString("p"));
      assertEquals("n1", d.getString("id"));
      assertEquals(300.0, d.getDouble("x"));
      assertEquals(200.0, d.getDouble("y"));

      a.send("werkraum.presence", new JsonObject().put("room", "main").put("kind", "drag.end").put("id", "n1"));
      JsonObject end = awaitItem(b, room, i -> "drag.end".equals(i.getString("kind")));
      assertEquals(annaId, end.getString("p"));
      assertEquals("n1", end.getString("id"));

      JsonObject batch = batches(b, room).get(0);
      assertEquals("presence", batch.getString("type"));
      assertFalse(batch.containsKey("seq"), "presence is not a stored event");
    }
  }

  @Test
  void aForgedSenderIsReplacedByTheRealOne() {
    try (Workshop w = Workshop.create(node, "Gefälscht")) {
      JsonObject anna = w.join("Anna", "");
      JsonObject ben = w.join("Ben", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.connect(ben);
      b.registerAndWait(w.roomAddress("main"));
      JsonObject forgedHeaders = new JsonObject()
          .put("werkraum-participant", participantId(ben))
          .put("werkraum-board", w.id())
          .put("werkraum-role", "facilitator");
      a.sendFrame(presenceFrame(cursor(1, 2).put("p", participantId(ben))).put("headers", forgedHeaders));
      JsonObject item = awaitItem(b, w.roomAddress("main"), i -> "cursor".equals(i.getString("kind")));
      assertEquals(participantId(anna), item.getString("p"));
    }
  }

  @Test
  void rapidUpdatesWithinATickAreCoalescedAndTheLastPositionWins() {
    try (Workshop w = Workshop.create(node, "Viele")) {
      JsonObject anna = w.join("Anna", "");
      String annaId = participantId(anna);
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");
      String room = w.roomAddress("main");
      int updates = 30;
      List<JsonObject> frames = new ArrayList<>();
      for (int i = 1; i <= updates; i++) {
        frames.add(presenceFrame(cursor(i, i * 2)));
      }
      frames.add(presenceFrame(drag("n1", 5, 5)));
      frames.add(presenceFrame(drag("n1", 7, 7)));
      a.sendFrames(frames);

      awaitItem(b, room, i -> "cursor".equals(i.getString("kind")) && i.getDouble("x") == updates);
      awaitItem(b, room, i -> "drag".equals(i.getString("kind")) && i.getDouble("x") == 7);
      List<JsonObject> cursors = items(b, room).stream()
          .filter(i -> annaId.equals(i.getString("p")) && "cursor".equals(i.getString("kind"))).toList();
      assertTrue(batches(b, room).size() < updates, "fewer batches than updates: " + batches(b, room).size());
      assertTrue(cursors.size() < updates, "fewer cursor items than updates: " + cursors.size());
      assertEquals((double) updates, cursors.get(cursors.size() - 1).getDouble("x"), "the last position is the final one");
      assertEquals(updates * 2.0, cursors.get(cursors.size() - 1).getDouble("y"));
      // Positions never go backwards: an older position never follows a newer one.
      for (int i = 1; i < cursors.size(); i++) {
        assertTrue(cursors.get(i).getDouble("x") > cursors.get(i - 1).getDouble("x"), cursors.toString());
      }
      // Within one batch, one item per participant and thing.
      for (JsonObject batch : batches(b, room)) {
        JsonArray its = batch.getJsonArray("items");
        long distinct = its.stream().map(i -> ((JsonObject) i).getString("p") + "|" + ((JsonObject) i).getString("kind")
            + "|" + ((JsonObject) i).getString("id")).distinct().count();
        assertEquals(its.size(), distinct, batch.encode());
      }
    }
  }

  @Test
  void malformedPresenceIsDropped() {
    try (Workshop w = Workshop.create(node, "Unsinn")) {
      JsonObject anna = w.join("Anna", "");
      String annaId = participantId(anna);
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");
      String room = w.roomAddress("main");
      List<String> malformed = List.of(
          "{\"room\":\"main\",\"kind\":\"cursor\",\"x\":\"NaN\",\"y\":1}",
          "{\"room\":\"main\",\"kind\":\"cursor\",\"x\":1e400,\"y\":1}",
          "{\"room\":\"main\",\"kind\":\"cursor\",\"x\":1,\"y\":-1e400}",
          "{\"room\":\"main\",\"kind\":\"cursor\",\"x\":2000000,\"y\":1}",
          "{\"room\":\"main\",\"kind\":\"cursor\",\"y\":1}",
          "{\"room\":\"main\",\"kind\":\"teleport\",\"x\":1,\"y\":1}",
          "{\"room\":\"main\",\"x\":1,\"y\":1}",
          "{\"room\":\"main\",\"kind\":\"drag\",\"x\":1,\"y\":1}",
          "{\"room\":\"main\",\"kind\":\"drag\",\"id\":\"a b\",\"x\":1,\"y\":1}",
          "{\"room\":\"main\",\"kind\":\"drag.end\"}",
          "{\"kind\":\"cursor\",\"x\":1,\"y\":1}",
          "{\"room\":\"a.b\",\"kind\":\"cursor\",\"x\":1,\"y\":1}",
          "\"cursor\"");
      for (int i = 0; i < malformed.size(); i++) {
        String body = malformed.get(i);
        a.sendRaw(new JsonArray().add("{\"type\":\"send\",\"address\":\"werkraum.presence\",\"body\":" + body + "}").encode());
        String marker = "m" + i;
        a.send("werkraum.presence", drag(marker, i, i));
        awaitItem(b, room, it -> marker.equals(it.getString("id")));
      }
      List<JsonObject> fromAnna = items(b, room).stream().filter(i -> annaId.equals(i.getString("p"))).toList();
      assertEquals(malformed.size(), fromAnna.size(), "only the markers arrived: " + fromAnna);
      assertTrue(fromAnna.stream().allMatch(i -> "drag".equals(i.getString("kind")) && i.getString("id").startsWith("m")));
      assertEquals(List.of(), a.errors(), "presence is best effort: dropped silently");
    }
  }

  @Test
  void presenceStaysInItsRoomAndBoard() {
    try (Workshop w = Workshop.create(node, "Raum"); Workshop other = Workshop.create(node, "Anderes Board")) {
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      BridgeClient b = w.joinAndListen("Ben");
      BridgeClient o = other.joinAndListen("Olga");
      a.send("werkraum.presence", cursor(1, 1).put("room", "breakout-2"));
      a.send("werkraum.presence", cursor(2, 2).put("board", other.id()));
      JsonObject item = awaitItem(b, w.roomAddress("main"), i -> "cursor".equals(i.getString("kind")));
      assertEquals(2.0, item.getDouble("x"));
      o.roundTrip();
      assertTrue(batches(o, other.roomAddress("main")).isEmpty(), "nothing reached the other board");
      assertTrue(items(b, w.roomAddress("main")).stream().noneMatch(i -> i.getDouble("x") == 1.0), "nothing from another room");
    }
  }

  @Test
  void presenceStopsReachingSomeoneMovedToABreakoutRoom() {
    try (Workshop w = Workshop.create(node, "Umzug")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      BridgeClient a = w.connect(w.join("Anna", ""));
      JsonObject ben = w.join("Ben", "");
      BridgeClient b = w.connect(ben);
      b.register(w.boardAddress());
      b.registerAndWait(w.roomAddress("main"));
      BridgeClient cleo = w.joinAndListen("Cleo");
      a.send("werkraum.presence", cursor(1, 1));
      awaitItem(b, w.roomAddress("main"), i -> i.getDouble("x") == 1.0);

      assertTrue(fac.command(Cmd.createRooms(Cmd.room("r1", "Gruppe 1"))).getBoolean("ok"));
      assertTrue(fac.command(Cmd.command("participant.move").put("id", participantId(ben)).put("room", "r1"))
          .getBoolean("ok"));
      assertTrue(fac.command(Cmd.command("rooms.open")).getBoolean("ok"));
      b.awaitMessage(w.boardAddress(), m -> "settings.updated".equals(m.getString("type")));

      // Ben is still registered on the plenary, but the guard no longer lets its presence through.
      a.send("werkraum.presence", cursor(2, 2));
      awaitItem(cleo, w.roomAddress("main"), i -> i.getDouble("x") == 2.0);
      b.roundTrip();
      assertTrue(items(b, w.roomAddress("main")).stream().noneMatch(i -> i.getDouble("x") == 2.0),
          "presence of the plenary reached someone in a breakout room");
    }
  }

  @Test
  void theOnlineListNamesAParticipantAfterConnectAndDropsThemAfterClose() {
    try (Workshop w = Workshop.create(node, "Online")) {
      JsonObject anna = w.join("Anna", "");
      JsonObject ben = w.join("Ben", "");
      String annaId = participantId(anna);
      String benId = participantId(ben);
      BridgeClient a = w.connect(anna);
      a.registerAndWait(w.boardAddress());

      int beforeBen = a.mark();
      BridgeClient b = BridgeClient.connect(node.werkraum().vertx(), node.port(), ben.getString("token"));
      JsonObject online = a.awaitMessageAfter(beforeBen, w.boardAddress(),
          m -> "online".equals(m.getString("type")) && m.getJsonArray("participants").contains(benId));
      assertTrue(online.getJsonArray("participants").contains(annaId), online.encode());

      int beforeClose = a.mark();
      b.close();
      JsonObject after = a.awaitMessageAfter(beforeClose, w.boardAddress(),
          m -> "online".equals(m.getString("type")) && !m.getJsonArray("participants").contains(benId));
      assertEquals(new JsonArray().add(annaId), after.getJsonArray("participants"));
    }
  }

  @Test
  void manyJoiningAtOnceGetOneListNotOneEach() {
    try (Workshop w = Workshop.create(node, "Ansturm")) {
      BridgeClient a = w.connect(w.join("Anna", ""));
      a.registerAndWait(w.boardAddress());
      List<String> ids = new ArrayList<>();
      List<JsonObject> joined = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        JsonObject person = w.join("Person " + i, "");
        ids.add(participantId(person));
        joined.add(person);
      }
      int before = a.mark();
      joined.forEach(w::connect);
      a.awaitMessageAfter(before, w.boardAddress(),
          m -> "online".equals(m.getString("type")) && m.getJsonArray("participants").getList().containsAll(ids));
      long lists = a.messagesAfter(before, w.boardAddress()).stream()
          .filter(m -> "online".equals(m.getString("type"))).count();
      assertTrue(lists < ids.size(), lists + " online lists for " + ids.size() + " sockets opening together");
    }
  }

  @Test
  void someoneWithTwoSocketsStaysOnlineUntilTheLastCloses() {
    try (Workshop w = Workshop.create(node, "Zwei Tabs");
         DirectStore direct = new DirectStore(node.werkraum().vertx(), redis.url())) {
      JsonObject anna = w.join("Anna", "");
      JsonObject ben = w.join("Ben", "");
      String benId = participantId(ben);
      BridgeClient a = w.connect(anna);
      a.registerAndWait(w.boardAddress());
      BridgeClient tab1 = BridgeClient.connect(node.werkraum().vertx(), node.port(), ben.getString("token"));
      BridgeClient tab2 = BridgeClient.connect(node.werkraum().vertx(), node.port(), ben.getString("token"));
      awaitSockets(direct, w.id(), benId, 2);

      // Lists go out a moment after a change, so the first one after the close is known to follow it.
      tab1.close();
      awaitSockets(direct, w.id(), benId, 1);
      int afterClose = a.mark();
      JsonObject stillOnline = a.awaitMessageAfter(afterClose, w.boardAddress(), m -> "online".equals(m.getString("type")));
      assertTrue(stillOnline.getJsonArray("participants").contains(benId), "one tab is still open: " + stillOnline.encode());
      assertEquals(1, stillOnline.getJsonArray("participants").stream().filter(benId::equals).count(), "listed once");

      tab2.close();
      a.awaitMessageAfter(afterClose, w.boardAddress(),
          m -> "online".equals(m.getString("type")) && !m.getJsonArray("participants").contains(benId));
    }
  }

  /**
   * Regression (fixed in b762ee4): a socket that closed while the guard was still checking its
   * participant in Redis was marked online afterwards, and the node kept refreshing that entry
   * for as long as it ran.
   */
  @Test
  void aSocketClosedWhileConnectingDoesNotStayOnline() {
    try (Workshop w = Workshop.create(node, "Geister")) {
      JsonObject ben = w.join("Ben", "");
      String benId = participantId(ben);
      for (int i = 0; i < 30; i++) {
        BridgeClient.openAndCloseAtOnce(node.werkraum().vertx(), node.port(), ben.getString("token"), node.baseUrl());
      }
      BridgeClient a = w.connect(w.join("Anna", ""));
      // Every close has been handled long before this deadline; poll the online list until then
      // (every 100 ms: each look is a command, counted against the socket's rate limit).
      AtomicReference<JsonArray> online = new AtomicReference<>();
      Await.until("Ben is no longer listed online", Duration.ofSeconds(3), Duration.ofMillis(100), () -> {
        online.set(a.command(Cmd.sync("main", null, null)).getJsonArray("online"));
        return !online.get().contains(benId);
      }, () -> "Ben closed every socket but is still listed online " + online.get().encode());
      assertFalse(online.get().contains(benId),
          "Ben closed every socket but is still listed online " + online.get().encode());
    }
  }

  /** Waits until the store counts {@code count} open sockets of the participant. */
  private static void awaitSockets(DirectStore direct, String board, String participant, int count) {
    AtomicLong found = new AtomicLong(-1);
    Await.until(participant + " has " + count + " sockets online", Duration.ofSeconds(5), Duration.ofMillis(20), () -> {
      found.set(direct.send(Request.cmd(Command.ZRANGE).arg(Keys.online(board)).arg(0).arg(-1)).stream()
          .filter(member -> member.toString().startsWith(participant + "|")).count());
      return found.get() == count;
    }, () -> participant + " has " + found.get() + " sockets online, expected " + count);
  }
}
