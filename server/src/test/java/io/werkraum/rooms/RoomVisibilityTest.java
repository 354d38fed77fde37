package io.werkraum.rooms;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A participant hears only the room they are in, whatever their socket listens to and whenever
 * its ticket was issued: the server follows the board, not the socket.
 */
class RoomVisibilityTest extends NodeTest {
  /** A board with two open breakout rooms and Anna assigned to r1. */
  private static JsonObject anna(Workshop w, BridgeClient fac) {
    JsonObject anna = w.join("Anna", "Jena");
    fac.ok(Cmd.createRooms(Cmd.room("r1", "Verkehr"), Cmd.room("r2", "Bildung")));
    fac.ok(Cmd.command("rooms.assign").put("mode", "manual")
        .put("assignments", new JsonObject().put(participantId(anna), "r1")));
    fac.ok(Cmd.command("rooms.open"));
    return anna;
  }

  @Test
  void aParticipantMovedOutOfARoomHearsNothingMoreFromItOnASocketThatListensOnlyThere() {
    try (Workshop w = Workshop.create(node, "Umzug")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = anna(w, fac);
      BridgeClient a = w.connect(anna);
      a.registerAndWait(w.roomAddress("r1"));
      fac.ok(Cmd.createNote("r1", Cmd.note("before", 0, 0).put("text", "vor dem Umzug")));
      a.awaitMessage(w.roomAddress("r1"), e -> "note.created".equals(e.getString("type")));

      fac.ok(Cmd.command("participant.move").put("id", participantId(anna)).put("room", "r2"));
      int mark = a.mark();
      fac.ok(Cmd.createNote("r1", Cmd.note("after", 0, 0).put("text", "nach dem Umzug")));
      // The event went out before the facilitator's reply; a round trip on Anna's socket comes after it.
      a.roundTrip();
      assertEquals(List.of(), a.messagesAfter(mark, w.roomAddress("r1")), "r1 after Anna left it");
    }
  }

  @Test
  void aTicketIssuedBeforeAMoveDoesNotOpenTheOldRoom() {
    try (Workshop w = Workshop.create(node, "Altes Ticket")) {
      BridgeClient fac = w.connect(w.joinAsFacilitator("Fay"));
      JsonObject anna = anna(w, fac);
      String ticket = TestNode.http(node.port()).postBearer("/api/boards/" + w.id() + "/ticket", anna.getString("token"))
          .json().getString("ticket");
      fac.ok(Cmd.command("participant.move").put("id", participantId(anna)).put("room", "r2"));

      try (BridgeClient a = BridgeClient.connectWithTicket(node.werkraum().vertx(), node.port(), ticket,
          "http://127.0.0.1:" + node.port(), List.of())) {
        a.registerAndWait(w.roomAddress("r1"));
        assertEquals(List.of("rejected"), a.errors(), "she is in r2 now, whatever her ticket says");
        int mark = a.mark();
        fac.ok(Cmd.createNote("r1", Cmd.note("secret", 0, 0).put("text", "nur für r1")));
        a.roundTrip();
        assertEquals(List.of(), a.messagesAfter(mark, w.roomAddress("r1")));
        a.registerAndWait(w.roomAddress("r2"));
        assertEquals(1, a.errors().size(), "her own room is fine");
      }
    }
  }
}
