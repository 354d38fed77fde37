package io.werkraum.loadtest;

import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Vertx;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.Limits;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures deleting whole boards: {@code boards} boards of {@code notes} notes each (imported from
 * a board exported once, its note copied), each with a snapshot, then deleted one after another by
 * a facilitator's {@code board.delete}. The time is from sending the command to its reply, or to the
 * socket's close as gone (4410), whichever comes first: both come after the deleting script returns.
 */
final class DeleteLoad {
  private final LoadClient client;
  private final int notes;
  private final int boards;

  DeleteLoad(Vertx vertx, Map<String, String> args) {
    client = new LoadClient(vertx, URI.create(args.getOrDefault("url", "http://127.0.0.1:8080")));
    notes = Integer.parseInt(args.getOrDefault("notes", "5000"));
    boards = Integer.parseInt(args.getOrDefault("boards", "5"));
    if (notes < 1 || notes > Limits.NOTES_PER_ROOM_MAX || boards < 1 || boards > 20) {
      throw new IllegalArgumentException("need 1 <= notes <= " + Limits.NOTES_PER_ROOM_MAX + ", 1 <= boards <= 20");
    }
  }

  void run() {
    JsonObject document = boardOf(notes);
    List<Double> millis = new ArrayList<>();
    System.out.println("deleting one board after another (no warm-up)");
    for (int b = 0; b < boards; b++) {
      JsonObject created = client.post("/api/boards/import", document, null).await();
      String boardId = created.getString("boardId");
      String facilitator = facilitatorToken(created);
      Promise<Long> done = Promise.promise();
      Promise<Void> snapshot = Promise.promise();
      String reply = "delete-" + b;
      String snapshotReply = "snapshot-" + b;
      WebSocket socket = client.open(boardId, List.of(facilitator), text -> {
        for (JsonObject frame : LoadClient.frames(text)) {
          if (reply.equals(frame.getString("address"))) {
            done.tryComplete(System.nanoTime());
          } else if (snapshotReply.equals(frame.getString("address"))) {
            snapshot.tryComplete();
          }
        }
      }).get(0);
      socket.closeHandler(v -> done.tryComplete(System.nanoTime()));
      // The snapshot is taken first and not timed: the deletion must remove it too.
      command(socket, snapshotReply, new JsonObject().put("type", CommandType.SNAPSHOT_TAKE.wire()).put("name", "Stand"));
      snapshot.future().await();
      long sent = System.nanoTime();
      command(socket, reply, new JsonObject().put("type", CommandType.BOARD_DELETE.wire()));
      millis.add((done.future().await() - sent) / 1e6);
    }
    Collections.sort(millis);
    System.out.printf("deleted %d boards of %d notes (and a snapshot of them) each%n", boards, notes);
    System.out.printf("ms per board: min %.0f, median %.0f, max %.0f%n", millis.get(0), millis.get(millis.size() / 2),
        millis.get(millis.size() - 1));
  }

  /** A board document of {@code count} notes: a board with one note, exported, that note copied. */
  private JsonObject boardOf(int count) {
    JsonObject created = client.post("/api/boards", new JsonObject().put("title", "Delete load"), null).await();
    String boardId = created.getString("boardId");
    String facilitator = facilitatorToken(created);
    WebSocket socket = client.open(boardId, List.of(facilitator), text -> { }).get(0);
    Promise<Void> written = Promise.promise();
    socket.textMessageHandler(text -> {
      for (JsonObject frame : LoadClient.frames(text)) {
        if ("note".equals(frame.getString("address"))) {
          written.tryComplete();
        }
      }
    });
    command(socket, "note", new JsonObject().put("type", CommandType.NOTE_CREATE.wire()).put("room", Limits.MAIN_ROOM)
        .put("note", new JsonObject().put("id", "n").put("x", 0).put("y", 0).put("text", "Jugendtreff am Markt öffnen")));
    written.future().await();
    socket.close();
    JsonObject doc = client.get("/api/boards/" + boardId + "/export/json", facilitator).await();
    JsonObject room = doc.getJsonArray("rooms").getJsonObject(0);
    JsonObject note = room.getJsonArray("notes").getJsonObject(0);
    JsonArray copies = new JsonArray();
    for (int i = 0; i < count; i++) {
      copies.add(note.copy().put("id", "n" + i).put("x", (i % 70) * 220.0).put("y", (i / 70) * 170.0));
    }
    room.put("notes", copies);
    return doc;
  }

  private String facilitatorToken(JsonObject created) {
    String boardId = created.getString("boardId");
    String secret = created.getString("facilitatorLink").split("#f=")[1];
    return client.post("/api/boards/" + boardId + "/join",
        new JsonObject().put("facilitatorSecret", secret).put("name", "Fee"), null).await().getString("token");
  }

  private static void command(WebSocket socket, String replyAddress, JsonObject body) {
    LoadClient.frame(socket, new JsonObject().put("type", "send").put("address", Addresses.COMMANDS)
        .put("replyAddress", replyAddress).put("body", body.put("commandId", replyAddress)));
  }
}
