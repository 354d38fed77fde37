package io.werkraum.command;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command with a side effect, sent twice with the same command id (a browser that lost the
 * reply and resends): the second send answers what the first did, and neither the change nor its
 * side effect (an automatic snapshot, a stored snapshot, a renewed link, a notification) happens
 * twice.
 */
class ResendTest extends NodeTest {
  private static JsonArray snapshots(BridgeClient client) {
    return Workshop.fullState(client, "main").getJsonObject("board").getJsonObject("state").getJsonArray("snapshots");
  }

  /** Sends {@code command} twice; both replies must be the same success. */
  private static JsonObject twice(BridgeClient client, JsonObject command) {
    JsonObject first = client.ok(command);
    assertEquals(first, client.command(command.copy()), "a resend answers the first outcome");
    return first;
  }

  /** Waits for the automatic snapshot (taken after the reply), then expects exactly one. */
  private static void awaitOneSnapshot(Workshop w, BridgeClient listener) {
    listener.awaitMessage(w.boardAddress(), e -> "snapshot.taken".equals(e.getString("type")));
    assertEquals(1, snapshots(listener).size(), snapshots(listener).encode());
  }

  @Test
  void takingASnapshotTwiceStoresOneAndAnswersItsIdBothTimes() {
    try (Workshop w = Workshop.create(node, "Einmal festgehalten")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0)));
      JsonObject first = twice(fac, Cmd.command("snapshot.take").put("name", "Stand"));
      assertEquals(1, snapshots(fac).size());
      assertEquals(first.getJsonObject("snapshot").getString("id"), snapshots(fac).getJsonObject(0).getString("id"));
    }
  }

  @Test
  void closingARoundTwiceTakesOneAutomaticSnapshot() {
    try (Workshop w = Workshop.create(node, "Runde zu")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.registerAndWait(w.boardAddress());
      fac.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0)));
      fac.ok(Cmd.startRound("r1"));
      twice(fac, Cmd.closeRound("r1"));
      awaitOneSnapshot(w, fac);
      // A later change shows the board has settled: still one.
      fac.ok(Cmd.command("snapshot.take").put("name", "danach"));
      assertEquals(2, snapshots(fac).size());
    }
  }

  @Test
  void closingTheRoomsTwiceTakesOneAutomaticSnapshot() {
    try (Workshop w = Workshop.create(node, "Räume zu")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.registerAndWait(w.boardAddress());
      fac.ok(Cmd.createRooms(Cmd.room("r1", "Eins")));
      fac.ok(Cmd.command("rooms.open"));
      twice(fac, Cmd.command("rooms.close"));
      awaitOneSnapshot(w, fac);
      fac.ok(Cmd.command("snapshot.take").put("name", "danach"));
      assertEquals(2, snapshots(fac).size());
    }
  }

  @Test
  void renewingALinkTwiceRenewsItOnceAndAnswersTheSameLinks() {
    try (Workshop w = Workshop.create(node, "Neuer Link")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.registerAndWait(w.boardAddress());
      JsonObject renew = Cmd.linksRenew("participant");
      JsonObject first = twice(fac, renew);
      JsonObject event = fac.awaitMessage(w.boardAddress(), e -> "links.renewed".equals(e.getString("type")));
      assertEquals("participant", event.getString("kind"));
      assertFalse(event.encode().contains(first.getJsonObject("links").getString("participant").split("#j=")[1]),
          "the event carries no secret");
      assertEquals(first.getJsonObject("links"), fac.ok(Cmd.linksGet()).getJsonObject("links"));
      assertEquals(List.of(first.getLong("seq")), fac.messages(w.boardAddress()).stream()
          .filter(e -> "links.renewed".equals(e.getString("type"))).map(e -> e.getLong("seq")).distinct().toList());
    }
  }

  @Test
  void removingSomeoneTwiceAnswersTheFirstRemoval() {
    try (Workshop w = Workshop.create(node, "Zweimal raus")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = w.join("Anna", "");
      twice(fac, Cmd.removeParticipant(participantId(anna)));
      assertNull(Workshop.byId(Workshop.fullState(fac, "main").getJsonObject("board").getJsonObject("state")
          .getJsonArray("participants"), participantId(anna)));
    }
  }

  @Test
  void aVoteSentTwiceCountsOnceAndIsAnnouncedOnce() {
    try (Workshop w = Workshop.create(node, "Eine Stimme")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      fac.registerAndWait(w.facilitatorsAddress());
      fac.ok(Cmd.createNote("main", Cmd.note("n1", 0, 0)));
      fac.ok(Cmd.startRound("r1"));
      JsonObject anna = w.join("Anna", "");
      BridgeClient a = w.connect(anna);
      a.registerAndWait(w.personalAddress(participantId(anna)));
      JsonObject vote = Cmd.castVote("r1", "n1");
      JsonObject first = twice(a, vote);
      assertEquals(4, first.getInteger("remaining"));
      a.ok(Cmd.castVote("r1", "n1"));
      a.awaitMessage(w.personalAddress(participantId(anna)), e -> e.getInteger("remaining") == 3);
      assertEquals(2, a.messages(w.personalAddress(participantId(anna))).size(), "votes.mine once per vote");
      fac.awaitMessage(w.facilitatorsAddress(), e -> e.getInteger("votes", 0) == 2);
      assertFalse(fac.messages(w.facilitatorsAddress()).stream()
          .anyMatch(e -> "round.progress".equals(e.getString("type")) && e.getInteger("votes") > 2));
      fac.ok(Cmd.closeRound("r1"));
      JsonObject results = Workshop.fullState(fac, "main").getJsonObject("board").getJsonObject("state")
          .getJsonArray("rounds").getJsonObject(0).getJsonObject("results");
      assertEquals(2, results.getInteger("votes"), "the resent vote counted once");
    }
  }

  @Test
  void startingARoundTwiceOpensOne() {
    try (Workshop w = Workshop.create(node, "Eine Runde")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      twice(fac, Cmd.startRound("r1"));
      assertEquals(1, Workshop.fullState(fac, "main").getJsonObject("board").getJsonObject("state")
          .getJsonArray("rounds").size());
    }
  }
}
