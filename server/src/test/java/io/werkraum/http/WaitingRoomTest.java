package io.werkraum.http;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.ApiClient;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestNode.HttpResult;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board's waiting room through the real path: the setting over a socket, joins and tickets over HTTP. */
class WaitingRoomTest extends NodeTest {
  @Test
  void newcomersWaitWithoutASocketUntilAFacilitatorLetsThemIn() {
    try (Workshop w = Workshop.create(node, "Warteraum")) {
      BridgeClient fee = w.connect(w.joinAsFacilitator("Fee"));
      BridgeClient ben = w.connect(w.join("Ben", "Gera"));
      assertOk(fee.command(Cmd.command("board.admission").put("waiting", true)));

      JsonObject anna = w.join("Anna", "Stadt Pößneck");
      assertTrue(anna.getJsonObject("participant").getBoolean("waiting"), anna.encode());
      HttpResult ticket = ticket(w, anna);
      assertEquals(403, ticket.status(), ticket.body());
      assertEquals("waiting_for_admission", ticket.json().getString("code"));
      assertTrue(node.get("/api/boards/" + w.id() + "/session", anna.getString("token")).json()
          .getJsonObject("participant").getBoolean("waiting"), "her page learns she waits");
      JsonObject facilitatorJoined = w.joinAsFacilitator("Finn");
      assertNull(facilitatorJoined.getJsonObject("participant").getValue("waiting"), "facilitators never wait");

      String annaId = Workshop.participantId(anna);
      assertError("not_allowed", ben.command(Cmd.command("participant.admit").put("id", annaId)));
      assertOk(fee.command(Cmd.command("participant.admit").put("id", annaId)));
      assertError("conflict", fee.command(Cmd.command("participant.admit").put("id", annaId)));
      assertEquals(200, ticket(w, anna).status(), "let in: she gets a socket");
      assertOk(w.connect(anna).command(Cmd.createNote("main", Cmd.note(Cmd.id(), 0, 0))));

      assertOk(fee.command(Cmd.command("board.admission").put("waiting", false)));
      assertNull(w.join("Cem", "").getJsonObject("participant").getValue("waiting"), "the waiting room is off again");
    }
  }

  @Test
  void someoneTurnedAwayFromTheWaitingRoomLeavesNothingBehind() {
    try (Workshop w = Workshop.create(node, "Abgewiesen")) {
      BridgeClient fee = w.connect(w.joinAsFacilitator("Fee"));
      assertOk(fee.command(Cmd.command("board.admission").put("waiting", true)));
      JsonObject eve = w.join("Eve Unbekannt", "Nirgendwo");
      assertOk(fee.command(Cmd.command("participant.erase").put("id", Workshop.participantId(eve)).put("notes", "delete")));
      assertEquals(401, node.get("/api/boards/" + w.id() + "/session", eve.getString("token")).status());
      @SuppressWarnings("unchecked")
      List<Object> keys = (List<Object>) Resp.call(redis.port(), "KEYS", "{b:" + w.id() + "}*");
      StringBuilder all = new StringBuilder();
      for (Object key : keys) {
        String type = Resp.call(redis.port(), "TYPE", key).toString();
        all.append(switch (type) {
          case "hash" -> Resp.call(redis.port(), "HGETALL", key);
          case "stream" -> Resp.call(redis.port(), "XRANGE", key, "-", "+");
          case "string" -> Resp.call(redis.port(), "GET", key);
          default -> "";
        });
      }
      assertFalse(all.toString().contains("Eve Unbekannt") || all.toString().contains("Nirgendwo"), all.toString());
    }
  }

  private static HttpResult ticket(Workshop w, JsonObject joined) {
    ApiClient api = TestNode.http(node.port());
    return api.postBearer("/api/boards/" + w.id() + "/ticket", joined.getString("token"));
  }
}
