package io.werkraum.realtime;

import static io.werkraum.testing.Workshop.participantId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.LogRecords;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.Workshop;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection that ends without a WebSocket close frame (a browser killed, a laptop closed, the
 * network or a proxy gone) is an ordinary end of a socket: the participant goes offline and the
 * server logs nothing at SEVERE. Vert.x reports such an end to the socket as an
 * exception ("Connection was closed"); the bridge logs every socket exception it is handed as
 * SEVERE, so the transport must not hand it on.
 */
class SocketCloseTest extends NodeTest {
  @Test
  void aConnectionEndingWithoutGoodbyeTakesTheParticipantOfflineAndLogsNothing() throws Exception {
    try (LogRecords log = LogRecords.severe(); Workshop w = Workshop.create(node, "Funkloch")) {
      BridgeClient anna = w.connect(w.join("Anna", ""));
      anna.registerAndWait(w.boardAddress());
      JsonObject ben = w.join("Ben", "");
      String benId = participantId(ben);

      try (Socket tab = BridgeClient.openWithoutGoodbye(node.port(), ben.getString("token"), "http://127.0.0.1:" + node.port())) {
        anna.awaitMessage(w.boardAddress(), m -> isOnline(m, benId));
        int beforeDrop = anna.mark();
        tab.close();
        anna.awaitMessageAfter(beforeDrop, w.boardAddress(), m -> "online".equals(m.getString("type")) && !isOnline(m, benId));
      }
      assertEquals(List.of(), log.problems(), "what the server logged for a dropped connection");
    }
  }

  private static boolean isOnline(JsonObject message, String participant) {
    return "online".equals(message.getString("type")) && message.getJsonArray("participants").contains(participant);
  }
}
