package io.werkraum.testing;

import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One fresh board on a test node, with people joining and connecting sockets, closed together.
 * Gives each test its own board so tests stay independent.
 */
public final class Workshop implements AutoCloseable {
  private final TestNode node;
  private final JsonObject board;
  private final List<BridgeClient> clients = new ArrayList<>();

  private Workshop(TestNode node, JsonObject board) {
    this.node = node;
    this.board = board;
  }

  public static Workshop create(TestNode node, String title) {
    return new Workshop(node, node.createBoard(title));
  }

  /** A board made some other way (import, snapshot, template): {@code board} as {@link TestNode#created} gives it. */
  public static Workshop of(TestNode node, JsonObject board) {
    return new Workshop(node, board);
  }

  /** {boardId, title, facilitatorLink, participantLink, facilitatorSecret, joinCode}. */
  public JsonObject board() {
    return board;
  }

  public String id() {
    return board.getString("boardId");
  }

  /** Joins as a participant: {token, participant, board}. */
  public JsonObject join(String name, String organisation) {
    return node.joinAsParticipant(board, name, organisation);
  }

  public JsonObject joinAsFacilitator(String name) {
    return node.joinAsFacilitator(board, name);
  }

  /** Opens a socket with the joined person's token; closed with the workshop. */
  public BridgeClient connect(JsonObject joined) {
    BridgeClient client = BridgeClient.connect(node.werkraum().vertx(), node.port(), joined.getString("token"));
    clients.add(client);
    return client;
  }

  /** Joins and connects, and registers on the board and main room addresses. */
  public BridgeClient joinAndListen(String name) {
    BridgeClient client = connect(join(name, ""));
    client.register(boardAddress());
    client.registerAndWait(roomAddress("main"));
    return client;
  }

  public String boardAddress() {
    return Addresses.board(id());
  }

  public String roomAddress(String room) {
    return Addresses.room(id(), room);
  }

  public String personalAddress(String participantId) {
    return Addresses.personal(id(), participantId);
  }

  /** Where only facilitators listen: voting progress, hidden notes. */
  public String facilitatorsAddress() {
    return Addresses.facilitators(id());
  }

  public static String participantId(JsonObject joined) {
    return joined.getJsonObject("participant").getString("id");
  }

  /** The full state of the board and a room, through a sync command on {@code client}. */
  public static JsonObject fullState(BridgeClient client, String room) {
    JsonObject reply = assertOk(client.command(Cmd.sync(room, null, null)));
    assertEquals("full", reply.getJsonObject("room").getString("mode"), reply.encode());
    return reply;
  }

  /** The notes of a room, as a full sync shows them. */
  public static JsonArray notes(BridgeClient client, String room) {
    return fullState(client, room).getJsonObject("room").getJsonObject("state").getJsonArray("notes");
  }

  public static JsonArray sections(BridgeClient client, String room) {
    return fullState(client, room).getJsonObject("room").getJsonObject("state").getJsonArray("sections");
  }

  /**
   * An export of the live board downloaded by {@code facilitator}: {@code formatAndQuery} as the
   * path's end, e.g. {@code md?lang=de}; fails unless it is 200.
   */
  public byte[] export(JsonObject facilitator, String formatAndQuery) {
    HttpResponse<byte[]> response = TestNode.http(node.port())
        .download("/api/boards/" + id() + "/export/" + formatAndQuery, facilitator.getString("token"));
    assertEquals(200, response.statusCode(), formatAndQuery);
    return response.body();
  }

  /** As {@link #export}, as UTF-8 text. */
  public String exportText(JsonObject facilitator, String formatAndQuery) {
    return new String(export(facilitator, formatAndQuery), StandardCharsets.UTF_8);
  }

  /** The item with this id in an array of items, or null. */
  public static JsonObject byId(JsonArray items, String id) {
    for (Object item : items) {
      if (item instanceof JsonObject o && id.equals(o.getString("id"))) {
        return o;
      }
    }
    return null;
  }

  @Override
  public void close() {
    clients.forEach(BridgeClient::close);
  }
}
