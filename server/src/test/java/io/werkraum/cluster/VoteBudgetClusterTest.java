package io.werkraum.cluster;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.store.Keys;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.ClusterTest;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.TestNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The vote budget holds when one person votes from several tabs on two clustered nodes at once:
 * Redis checks budget and cap atomically, so no interleaving of nodes and sockets lets a sixth
 * vote through.
 */
class VoteBudgetClusterTest extends ClusterTest {
  static final int BUDGET = 5;
  static final int VOTES = 50;
  /** Sockets per node. The bridge allows 16 handlers per socket, pending replies included. */
  static final int SOCKETS_PER_NODE = 2;


  @Test
  void fiftyVotesAtOnceFromTabsOnTwoNodesSpendExactlyTheBudget() {
    JsonObject board = nodeA.createBoard("Abstimmung im Verbund");
    String boardId = board.getString("boardId");
    JsonObject fay = nodeA.joinAsFacilitator(board, "Fay");
    JsonObject anna = nodeB.joinAsParticipant(board, "Anna", "Stadt Jena");
    String annaId = anna.getJsonObject("participant").getString("id");
    List<BridgeClient> sockets = new ArrayList<>();
    try (BridgeClient f = BridgeClient.connect(nodeA.werkraum().vertx(), nodeA.port(), fay.getString("token"));
         DirectStore direct = new DirectStore(nodeA.werkraum().vertx(), redis.url())) {
      for (String note : List.of("n1", "n2", "n3")) {
        assertOk(f.command(Cmd.createNote("main", Cmd.note(note, 0, 0).put("text", "Vorschlag " + note))));
      }
      assertOk(f.command(Cmd.startRound(new JsonObject().put("id", "r1")
          .put("votesPerParticipant", BUDGET).put("maxPerNote", BUDGET))));
      for (TestNode node : List.of(nodeA, nodeB)) {
        for (int i = 0; i < SOCKETS_PER_NODE; i++) {
          sockets.add(BridgeClient.connect(node.werkraum().vertx(), node.port(), anna.getString("token")));
        }
      }
      for (BridgeClient socket : sockets) {
        socket.roundTrip();
      }

      // Every vote is sent before any reply is awaited, spread over the sockets and notes.
      List<Future<JsonObject>> replies = new ArrayList<>();
      for (int i = 0; i < VOTES; i++) {
        BridgeClient socket = sockets.get(i % sockets.size());
        replies.add(socket.requestAsync("werkraum.commands", Cmd.castVote("r1", "n" + (1 + i % 3))));
      }
      List<JsonObject> bodies = new ArrayList<>();
      for (Future<JsonObject> reply : replies) {
        JsonObject frame = BridgeClient.await(reply);
        assertEquals("rec", frame.getString("type"), frame.encode());
        bodies.add(frame.getJsonObject("body"));
      }

      List<JsonObject> accepted = bodies.stream().filter(b -> Boolean.TRUE.equals(b.getBoolean("ok"))).toList();
      assertEquals(BUDGET, accepted.size(), "accepted: " + accepted);
      Set<Integer> remaining = new HashSet<>();
      accepted.forEach(b -> remaining.add(b.getInteger("remaining")));
      assertEquals(Set.of(4, 3, 2, 1, 0), remaining, "each accepted vote spent one of the budget");
      for (JsonObject refused : bodies) {
        if (!Boolean.TRUE.equals(refused.getBoolean("ok"))) {
          assertTrue(Set.of("vote_budget_exhausted", "vote_limit_per_note").contains(refused.getString("code")),
              refused.encode());
        }
      }

      // What Redis holds: five votes in the ballot, all of them Anna's.
      Response ballot = direct.send(Request.cmd(Command.HGETALL).arg(Keys.ballot(boardId)));
      assertEquals(BUDGET, ballot.get("votes").toInteger(), ballot.toString());
      JsonObject mine = new JsonObject(ballot.get("m:" + annaId).toString());
      assertEquals(BUDGET, mine.stream().mapToInt(e -> ((Number) e.getValue()).intValue()).sum(), mine.encode());

      JsonObject closed = f.command(Cmd.closeRound("r1"));
      assertOk(closed);
      JsonObject sync = f.command(Cmd.sync("main", null, null));
      assertOk(sync);
      JsonArray rounds = sync.getJsonObject("board").getJsonObject("state").getJsonArray("rounds");
      JsonObject results = rounds.getJsonObject(0).getJsonObject("results");
      assertEquals(BUDGET, results.getInteger("votes"), results.encode());
      assertEquals(1, results.getInteger("voters"));
      int counted = 0;
      for (Object entry : results.getJsonArray("ranking")) {
        counted += ((JsonObject) entry).getInteger("count");
      }
      assertEquals(BUDGET, counted, results.encode());
    } finally {
      sockets.forEach(BridgeClient::close);
    }
  }
}
