package io.werkraum.http;

import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Resp;
import io.werkraum.testing.TestNode.HttpResult;
import io.werkraum.testing.Workshop;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A board's join passphrase through the real path: the command over a socket, joins over HTTP, Redis read back. */
class JoinPassphraseTest extends NodeTest {
  @Test
  void participantsAndObserversJoinOnlyWithThePassphraseFacilitatorsWithTheirLink() {
    try (Workshop w = Workshop.create(node, "Geschützt")) {
      BridgeClient fee = w.connect(w.joinAsFacilitator("Fee"));
      fee.registerAndWait(w.boardAddress());
      assertError("invalid_input", fee.command(Cmd.command("board.protect").put("passphrase", "abc")));
      assertOk(fee.command(Cmd.command("board.protect").put("passphrase", "Saale-Orla 2026")));
      fee.awaitMessage(w.boardAddress(), m -> "settings.updated".equals(m.getString("type"))
          && Boolean.TRUE.equals(m.getJsonObject("patch").getValue("passphrase")));
      String meta = Resp.call(redis.port(), "HGETALL", "{b:" + w.id() + "}:meta").toString();
      assertFalse(meta.contains("Saale-Orla 2026"), "only a hash is stored: " + meta);

      long before = participants(w);
      for (String given : new String[] {null, "saale-orla 2026", ""}) {
        HttpResult refused = join(w, "joinCode", given);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("passphrase_required", refused.json().getString("code"));
      }
      assertEquals(403, join(w, "observerCode", null).status(), "observers too");
      assertEquals(before, participants(w), "a refused join stores nothing");

      assertEquals(200, join(w, "joinCode", "Saale-Orla 2026").status());
      assertEquals(200, join(w, "observerCode", "Saale-Orla 2026").status());
      assertEquals(200, join(w, "facilitatorSecret", null).status(), "the facilitator link is the stronger secret");

      assertOk(fee.command(Cmd.command("board.protect")));
      assertEquals(200, join(w, "joinCode", null).status(), "without a passphrase anyone with the link joins again");
    }
  }

  @Test
  void onlyFacilitatorsSetAPassphrase() {
    try (Workshop w = Workshop.create(node, "Nicht für alle")) {
      BridgeClient anna = w.connect(w.join("Anna", ""));
      assertError("not_allowed", anna.command(Cmd.command("board.protect").put("passphrase", "geheim")));
      assertEquals(200, join(w, "joinCode", null).status());
    }
  }

  private static HttpResult join(Workshop w, String credential, String passphrase) {
    String secret = switch (credential) {
      case "joinCode" -> w.board().getString("joinCode");
      case "observerCode" -> observerCode(w);
      default -> w.board().getString("facilitatorSecret");
    };
    JsonObject body = new JsonObject().put(credential, secret).put("name", "Neu");
    if (passphrase != null) {
      body.put("passphrase", passphrase);
    }
    return node.post("/api/boards/" + w.id() + "/join", body);
  }

  private static String observerCode(Workshop w) {
    @SuppressWarnings("unchecked")
    Map<String, String> meta = Resp.pairs(Resp.call(redis.port(), "HGETALL", "{b:" + w.id() + "}:meta"));
    assertTrue(meta.containsKey("observerCode"));
    return meta.get("observerCode");
  }

  private static long participants(Workshop w) {
    return (Long) Resp.call(redis.port(), "HLEN", "{b:" + w.id() + "}:participants");
  }
}
