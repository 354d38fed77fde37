package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.board.Actor;
import io.werkraum.board.Rejection;
import io.werkraum.board.Round;
import io.werkraum.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consistent reads of a board for the browsers that catch up on it and the documents made of it:
 * each is one script, so what it returns is the board at one moment.
 */
public final class StateReads {
  /** Past this many missed events the full state is smaller than the delta. */
  static final int MAX_DELTA = 500;

  private static final Script SYNC = Script.load("read_sync.lua");
  private static final Script ROOMS = Script.load("read_rooms.lua");
  private static final Script DOCUMENT = Script.load("read_document.lua");

  private final Redis redis;

  public StateReads(Redis redis) {
    this.redis = redis;
  }

  /**
   * What one sync answers from: the board and one room (each a delta or full), who is online, and
   * the ballot with its round (null when no round is open).
   */
  public record Sync(StreamRead board, StreamRead room, List<String> online, Ballot ballot, Round openRound) {}

  /**
   * The board stream after {@code boardSince} and {@code room}'s stream after {@code roomSince}
   * (each the full state when null or too old), read in one step. Refused when the reader is no
   * longer on the board, the room does not exist, or a participant is not in it ({@code room} of
   * the refusal says where they are).
   */
  public Future<Sync> sync(Actor reader, String room, Long boardSince, Long roomSince, long now) {
    String b = reader.boardId();
    List<String> keys = List.of(Keys.meta(b), Keys.participants(b), Keys.settings(b), Keys.rounds(b), Keys.rooms(b),
        Keys.snapshots(b), Keys.boardSeq(b), Keys.boardLog(b), Keys.roomSeq(b, room), Keys.roomLog(b, room),
        Keys.notes(b, room), Keys.sections(b, room), Keys.ballot(b), Keys.online(b));
    List<String> args = List.of(reader.participantId(), reader.isFacilitator() ? "0" : "1", room,
        boardSince == null ? "" : boardSince.toString(), roomSince == null ? "" : roomSince.toString(),
        Integer.toString(MAX_DELTA), Long.toString(now));
    return SYNC.run(redis, keys, args).map(r -> {
      switch (r.get(0).toString()) {
        case "gone" -> throw Rejection.notAllowed("you are no longer on this board");
        case "not_found" -> throw Rejection.notFound("no room '" + room + "'");
        case "not_allowed" -> throw new Rejection(ErrorCode.NOT_ALLOWED,
            "that room is not yours; you are in '" + r.get(1) + "'", Map.of("room", r.get(1).toString()));
        default -> { }
      }
      List<String> online = SocketStore.participantsOnline(r.get(3));
      StreamRead boardRead = StreamRead.parse(r.get(1), full -> boardState(full, online));
      StreamRead roomRead = StreamRead.parse(r.get(2), full -> roomState(room, full.get(2), full.get(3)));
      Round open = r.get(5) == null ? null : EventCodec.read(r.get(5).toString(), Round.class);
      return new Sync(boardRead, roomRead, online, BoardStore.ballot(r.get(4)), open != null && open.openForVotes() ? open : null);
    });
  }

  /** For each room: its stream after the given seq (the full state when null); not_found for a missing room. */
  public Future<Map<String, StreamRead>> rooms(String boardId, Map<String, Long> since) {
    List<String> keys = new ArrayList<>(List.of(Keys.rooms(boardId)));
    List<String> args = new ArrayList<>(List.of(Integer.toString(MAX_DELTA)));
    since.forEach((room, seq) -> {
      keys.addAll(List.of(Keys.roomSeq(boardId, room), Keys.roomLog(boardId, room), Keys.notes(boardId, room),
          Keys.sections(boardId, room)));
      args.add(room);
      args.add(seq == null ? "" : seq.toString());
    });
    return ROOMS.run(redis, keys, args).map(r -> {
      Map<String, StreamRead> reads = new LinkedHashMap<>();
      int i = 0;
      for (String room : since.keySet()) {
        Response part = r.get(i++);
        if ("missing".equals(part.get(0).toString())) {
          throw Rejection.notFound("no room '" + room + "'");
        }
        reads.put(room, StreamRead.parse(part, full -> roomState(room, full.get(2), full.get(3))));
      }
      return reads;
    });
  }

  /** The whole board at one moment, as stored; null when there is no such board. */
  public record Document(JsonObject board, List<JsonObject> participants, JsonObject settings,
      List<JsonObject> rounds, List<JsonObject> rooms, Map<String, List<JsonObject>> notes,
      Map<String, List<JsonObject>> sections) {}

  public Future<Document> document(String boardId) {
    return redis.send(Request.cmd(Command.HKEYS).arg(Keys.rooms(boardId))).compose(ids -> {
      List<String> rooms = BoardStore.strings(ids);
      List<String> keys = new ArrayList<>(List.of(Keys.meta(boardId), Keys.participants(boardId),
          Keys.settings(boardId), Keys.rounds(boardId), Keys.rooms(boardId)));
      rooms.forEach(room -> keys.addAll(List.of(Keys.notes(boardId, room), Keys.sections(boardId, room))));
      return DOCUMENT.run(redis, keys, rooms).compose(r -> {
        if ("stale".equals(r.get(0).toString())) {
          return document(boardId); // rooms were added meanwhile: read their list again
        }
        JsonObject board = meta(r.get(1));
        if (board == null) {
          return Future.succeededFuture(null);
        }
        Map<String, List<JsonObject>> notes = new HashMap<>();
        Map<String, List<JsonObject>> sections = new HashMap<>();
        for (int i = 0; i < rooms.size(); i++) {
          notes.put(rooms.get(i), objects(r.get(6 + 2 * i)));
          sections.put(rooms.get(i), objects(r.get(7 + 2 * i)));
        }
        return Future.succeededFuture(new Document(board, objects(r.get(2)),
            r.get(3) == null ? new JsonObject() : new JsonObject(r.get(3).toString()),
            objects(r.get(4)), objects(r.get(5)), notes, sections));
      });
    });
  }

  /** {board, participants, settings, rounds, rooms, snapshots, online}: the board stream's full state. */
  private static JsonObject boardState(Response full, List<String> online) {
    return new JsonObject()
        .put("board", meta(full.get(2)))
        .put("participants", array(full.get(3)))
        .put("settings", full.get(4) == null ? new JsonObject() : new JsonObject(full.get(4).toString()))
        .put("rounds", array(full.get(5)))
        .put("rooms", array(full.get(6)))
        .put("snapshots", array(full.get(7)))
        .put("online", new JsonArray(online));
  }

  private static JsonObject roomState(String room, Response notes, Response sections) {
    return new JsonObject().put("room", room).put("notes", array(notes)).put("sections", array(sections));
  }

  /** {id, title, createdAt} from HMGET of the meta hash, or null when the board does not exist. */
  private static JsonObject meta(Response fields) {
    if (fields.get(1) == null) {
      return null;
    }
    return new JsonObject().put("id", fields.get(0).toString()).put("title", fields.get(1).toString())
        .put("createdAt", fields.get(2).toLong());
  }

  private static JsonArray array(Response values) {
    JsonArray array = new JsonArray();
    for (Response value : values) {
      array.add(new JsonObject(value.toString()));
    }
    return array;
  }

  private static List<JsonObject> objects(Response values) {
    List<JsonObject> list = new ArrayList<>(values.size());
    for (Response value : values) {
      list.add(new JsonObject(value.toString()));
    }
    return list;
  }
}
