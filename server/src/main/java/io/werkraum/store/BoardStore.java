package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.board.Board;
import io.werkraum.board.Decider;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Limits;
import io.werkraum.board.Mutation;
import io.werkraum.board.Mutation.Collection;
import io.werkraum.board.RoomInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redis as the single source of truth. Each write is one Lua script, so a command is applied
 * whole or not at all, gets its stream's next sequence number and lands in the op log in one step.
 */
public final class BoardStore {
  /** How many events each stream's op log keeps for deltas (approximately, trimmed by Redis). */
  static final int LOG_LENGTH = 1_000;
  /** Past this many missed events the full state is smaller than the delta. */
  static final int MAX_DELTA = 500;
  /** How long a command's outcome is kept for resends. */
  static final int COMMAND_TTL_SECONDS = 24 * 3600;

  private static final LuaScript MUTATE = LuaScript.load("mutate.lua");
  private static final LuaScript READ_SINCE = LuaScript.load("read_since.lua");
  private static final LuaScript READ_STATE = LuaScript.load("read_state.lua");
  private static final LuaScript CREATE_BOARD = LuaScript.load("create_board.lua");
  private static final LuaScript VOTE = LuaScript.load("vote.lua");
  private static final LuaScript IMPORT_BOARD = LuaScript.load("import_board.lua");

  private final Redis redis;

  public BoardStore(Redis redis) {
    this.redis = redis;
  }

  public Redis redis() {
    return redis;
  }

  /** Stores a new board with its plenary room; false when the id is taken. */
  public Future<Boolean> createBoard(Board board) {
    RoomInfo mainRoom = new RoomInfo(Limits.MAIN_ROOM, "", RoomInfo.PLENARY, board.createdAt());
    List<String> args = new ArrayList<>(List.of(Limits.MAIN_ROOM, EventCodec.write(mainRoom)));
    args.addAll(List.of(
        "id", board.id(),
        "title", board.title(),
        "createdAt", Long.toString(board.createdAt()),
        "facilitatorSecret", board.facilitatorSecret(),
        "joinCode", board.joinCode(),
        "observerCode", board.observerCode()));
    return CREATE_BOARD
        .run(redis, List.of(Keys.meta(board.id()), Keys.rooms(board.id())), args)
        .map(r -> r.toInteger() == 1);
  }

  /**
   * Creates a whole board in one step: {@code items} maps key suffixes (as after the board's
   * hash tag, e.g. {@code :participants}) to hash fields and values. False when the id is taken.
   */
  public Future<Boolean> importBoard(String boardId, Map<String, Map<String, String>> items) {
    List<String> args = new ArrayList<>();
    args.add(Keys.boardPrefix(boardId));
    items.forEach((suffix, fields) -> fields.forEach((field, value) -> {
      args.add(suffix);
      args.add(field);
      args.add(value);
    }));
    return IMPORT_BOARD.run(redis, List.of(Keys.meta(boardId)), args).map(r -> r.toInteger() == 1);
  }

  /** The board, or null when there is none with this id. */
  public Future<Board> board(String boardId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(Keys.meta(boardId))).map(r -> {
      if (r == null || r.size() == 0 || !r.containsKey("title")) {
        return null;
      }
      return new Board(
          boardId,
          r.get("title").toString(),
          r.get("createdAt").toLong(),
          r.get("facilitatorSecret").toString(),
          r.get("joinCode").toString(),
          r.containsKey("observerCode") ? r.get("observerCode").toString() : null);
    });
  }

  /** The participant, or null when there is none (never joined, or removed). */
  public Future<JsonObject> participant(String boardId, String participantId) {
    return redis
        .send(Request.cmd(Command.HGET).arg(Keys.participants(boardId)).arg(participantId))
        .map(r -> r == null ? null : new JsonObject(r.toString()));
  }

  /**
   * Applies a mutation once per {@code commandId}: a resend returns the first outcome and changes
   * nothing.
   */
  public Future<Outcome> apply(String boardId, String participantId, String commandId, Mutation m, long now) {
    String board = boardId;
    boolean roomLevel = m.collection().perRoom();
    List<String> keys = new ArrayList<>(List.of(
        Keys.command(board, participantId, commandId),
        roomLevel ? Keys.roomSeq(board, m.room()) : Keys.boardSeq(board),
        roomLevel ? Keys.roomLog(board, m.room()) : Keys.boardLog(board),
        roomLevel ? Keys.roomCollection(board, m.room(), m.collection()) : Keys.boardCollection(board, m.collection()),
        roomLevel ? Keys.rooms(board) : Keys.meta(board),
        Keys.boardCollection(board, Collection.SETTINGS)));
    JsonObject options = new JsonObject()
        .put("lock", m.checkLock())
        .put("upsert", m.collection() == Collection.SETTINGS)
        .put("stamp", roomLevel && m.op() == Mutation.Op.UPDATE)
        .put("hideIfPrivate", m.hideIfPrivate());
    if (m.checkLock()) {
      // A participant's change: a hidden note may be changed only by its author.
      options.put("participant", participantId);
    }
    if (m.expectVersion() != null) {
      options.put("expect", m.expectVersion());
    }
    switch (m.op()) {
      case CLOSE_ROUND -> {
        // The tally needs the notes of the round's room, for their texts.
        String roundRoom = (String) m.item();
        keys.addAll(List.of(
            Keys.voteTotals(board, m.itemId()),
            Keys.participants(board),
            Keys.roomCollection(board, roundRoom, Collection.NOTES),
            Keys.voteOrganisations(board, m.itemId()),
            Keys.voteCommands(board, m.itemId())));
        options.put("votesPrefix", Keys.votesByPrefix(board, m.itemId()));
      }
      case HARVEST -> keys.addAll(List.of(
          Keys.roomCollection(board, Limits.MAIN_ROOM, Collection.SECTIONS),
          Keys.roomCollection(board, m.itemId(), Collection.NOTES)));
      case CREATE_ROOMS -> options.put("roomPrefix", Keys.roomPrefix(board));
      default -> { }
    }
    String event = EventCodec.encodeStored(m.event(), now);
    String payload = switch (m.op()) {
      case UPDATE -> EventCodec.write(m.patch().fields());
      case DELETE, CLOSE_ROUND, REVEAL -> "";
      case CREATE, CREATE_ROOMS, ASSIGN, HARVEST -> EventCodec.write(m.item());
    };
    List<String> args = List.of(
        m.op().name().toLowerCase(),
        m.itemId(),
        payload,
        event,
        // The item that must exist: the room acted in, the harvested room, or the board itself.
        m.op() == Mutation.Op.HARVEST ? m.itemId() : roomLevel ? m.room() : "title",
        Integer.toString(m.collection().maxItems()),
        Integer.toString(LOG_LENGTH),
        Integer.toString(COMMAND_TTL_SECONDS),
        Long.toString(now),
        options.encode());
    return MUTATE.run(redis, keys, args).map(r -> {
      boolean duplicate = "dup".equals(r.get(0).toString());
      String outcome = r.get(1).toString();
      if (outcome.startsWith("ok:")) {
        long seq = Long.parseLong(outcome.substring(3));
        return new Outcome(seq, null, duplicate, duplicate ? null : EventCodec.withSeq(r.get(2).toString(), seq));
      }
      return new Outcome(0, ErrorCode.fromCode(outcome.substring(4)), duplicate, null);
    });
  }

  /** Casts ({@code cast}) or takes back one vote, once per {@code commandId}. */
  public Future<VoteOutcome> vote(String boardId, String participantId, String commandId, String round,
      String roundRoom, String note, boolean cast, long now) {
    List<String> keys = List.of(
        Keys.voteCommands(boardId, round),
        Keys.boardCollection(boardId, Collection.ROUNDS),
        Keys.votesBy(boardId, round, participantId),
        Keys.voteTotals(boardId, round),
        Keys.roomCollection(boardId, roundRoom, Collection.NOTES),
        Keys.roomCollection(boardId, roundRoom, Collection.SECTIONS),
        Keys.voteOrganisations(boardId, round),
        Keys.participants(boardId));
    List<String> args = List.of(cast ? "cast" : "retract", round, participantId, note, Long.toString(now),
        "", participantId + ":" + commandId);
    return VOTE.run(redis, keys, args).map(r -> VoteOutcome.parse(r.get(1).toString(), "dup".equals(r.get(0).toString())));
  }

  /** The board's settings item (empty when never changed) with its version {@code v}. */
  public Future<JsonObject> settings(String boardId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.boardCollection(boardId, Collection.SETTINGS))
            .arg(Decider.SETTINGS_ITEM))
        .map(r -> r == null ? new JsonObject() : new JsonObject(r.toString()));
  }

  /** Every participant of the board as stored. */
  public Future<List<JsonObject>> participants(String boardId) {
    return redis.send(Request.cmd(Command.HVALS).arg(Keys.participants(boardId))).map(values -> {
      List<JsonObject> participants = new ArrayList<>();
      for (Response value : values) {
        participants.add(new JsonObject(value.toString()));
      }
      return participants;
    });
  }

  /** Stores a snapshot's content once; false when that id holds one already (it never changes). */
  public Future<Boolean> saveSnapshot(String boardId, String snapshotId, String document) {
    return redis.send(Request.cmd(Command.SET).arg(Keys.snapshot(boardId, snapshotId)).arg(document).arg("NX"))
        .map(r -> r != null && "OK".equals(r.toString()));
  }

  /** A snapshot's content, or null. */
  public Future<String> snapshot(String boardId, String snapshotId) {
    return redis.send(Request.cmd(Command.GET).arg(Keys.snapshot(boardId, snapshotId)))
        .map(r -> r == null ? null : r.toString());
  }

  /** The board's rooms as stored: room id -> room. */
  public Future<JsonObject> rooms(String boardId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(Keys.rooms(boardId))).map(hash -> {
      JsonObject rooms = new JsonObject();
      for (String id : hash.getKeys()) {
        rooms.put(id, new JsonObject(hash.get(id).toString()));
      }
      return rooms;
    });
  }

  /** The notes or sections of a room as stored. */
  public Future<List<JsonObject>> roomItems(String boardId, String room, Collection collection) {
    return redis.send(Request.cmd(Command.HVALS).arg(Keys.roomCollection(boardId, room, collection)))
        .map(values -> {
          List<JsonObject> items = new ArrayList<>();
          for (Response value : values) {
            items.add(new JsonObject(value.toString()));
          }
          return items;
        });
  }

  /** One round as stored, or null. */
  public Future<JsonObject> round(String boardId, String roundId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.boardCollection(boardId, Collection.ROUNDS)).arg(roundId))
        .map(r -> r == null ? null : new JsonObject(r.toString()));
  }

  public Future<List<JsonObject>> rounds(String boardId) {
    return redis.send(Request.cmd(Command.HVALS).arg(Keys.boardCollection(boardId, Collection.ROUNDS)))
        .map(values -> {
          List<JsonObject> rounds = new ArrayList<>();
          for (Response value : values) {
            rounds.add(new JsonObject(value.toString()));
          }
          return rounds;
        });
  }

  /** One person's votes in a round: note -> count. */
  public Future<JsonObject> votesOf(String boardId, String round, String participantId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(Keys.votesBy(boardId, round, participantId)))
        .map(BoardStore::counts);
  }

  /** Everyone's number of votes in a round: participant -> count. */
  public Future<JsonObject> voteTotals(String boardId, String round) {
    return redis.send(Request.cmd(Command.HGETALL).arg(Keys.voteTotals(boardId, round))).map(BoardStore::counts);
  }

  private static JsonObject counts(Response hash) {
    JsonObject counts = new JsonObject();
    for (String field : hash.getKeys()) {
      long n = hash.get(field).toLong();
      if (n > 0) {
        counts.put(field, n);
      }
    }
    return counts;
  }

  /** Replaces the code of a link, so the old link no longer lets anyone join. */
  public Future<Void> renewCode(String boardId, String field, String code) {
    return redis.send(Request.cmd(Command.HSET).arg(Keys.meta(boardId)).arg(field).arg(code)).mapEmpty();
  }

  /** The board stream after {@code since}, or its full state when {@code since} is null or too old. */
  public Future<StreamRead> readBoard(String boardId, Long since) {
    return readSince(Keys.boardSeq(boardId), Keys.boardLog(boardId), since)
        .compose(delta -> delta != null ? Future.succeededFuture(delta) : boardState(boardId));
  }

  /** One room's stream after {@code since}, or its full state. */
  public Future<StreamRead> readRoom(String boardId, String room, Long since) {
    return redis.send(Request.cmd(Command.HEXISTS).arg(Keys.rooms(boardId)).arg(room)).compose(exists -> {
      if (exists.toInteger() == 0) {
        return Future.failedFuture(new io.werkraum.board.Rejection(ErrorCode.NOT_FOUND, "no room '" + room + "'"));
      }
      return readSince(Keys.roomSeq(boardId, room), Keys.roomLog(boardId, room), since)
          .compose(delta -> delta != null ? Future.succeededFuture(delta) : roomState(boardId, room));
    });
  }

  private Future<StreamRead> readSince(String seqKey, String logKey, Long since) {
    if (since == null) {
      return Future.succeededFuture(null);
    }
    return READ_SINCE
        .run(redis, List.of(seqKey, logKey), List.of(Long.toString(since), Integer.toString(MAX_DELTA)))
        .map(r -> {
          if (!"delta".equals(r.get(1).toString())) {
            return null;
          }
          List<String> events = new ArrayList<>();
          for (int i = 2; i < r.size(); i += 2) {
            String id = r.get(i).toString();
            long seq = Long.parseLong(id.substring(0, id.indexOf('-')));
            events.add(EventCodec.withSeq(r.get(i + 1).toString(), seq));
          }
          return new StreamRead(r.get(0).toLong(), events, null);
        });
  }

  private Future<StreamRead> boardState(String boardId) {
    Future<Board> board = board(boardId);
    Future<Response> state = READ_STATE.run(redis, List.of(
        Keys.boardSeq(boardId),
        Keys.participants(boardId),
        Keys.boardCollection(boardId, Collection.SETTINGS),
        Keys.boardCollection(boardId, Collection.ROUNDS),
        Keys.rooms(boardId),
        Keys.boardCollection(boardId, Collection.SNAPSHOTS)), List.of());
    return Future.all(board, state).map(done -> {
      Board b = board.result();
      Response r = state.result();
      JsonArray settings = jsonArray(r.get(2));
      JsonObject json = new JsonObject()
          .put("board", publicBoard(b))
          .put("participants", jsonArray(r.get(1)))
          .put("settings", settings.isEmpty() ? new JsonObject() : settings.getJsonObject(0))
          .put("rounds", jsonArray(r.get(3)))
          .put("rooms", jsonArray(r.get(4)))
          .put("snapshots", jsonArray(r.get(5)));
      return new StreamRead(r.get(0).toLong(), null, json);
    });
  }

  private Future<StreamRead> roomState(String boardId, String room) {
    return READ_STATE
        .run(redis, List.of(
            Keys.roomSeq(boardId, room),
            Keys.roomCollection(boardId, room, Collection.NOTES),
            Keys.roomCollection(boardId, room, Collection.SECTIONS)), List.of())
        .map(r -> new StreamRead(r.get(0).toLong(), null, new JsonObject()
            .put("room", room)
            .put("notes", jsonArray(r.get(1)))
            .put("sections", jsonArray(r.get(2)))));
  }

  /** What anyone on the board may see of it: no credentials. */
  public static JsonObject publicBoard(Board board) {
    return new JsonObject().put("id", board.id()).put("title", board.title()).put("createdAt", board.createdAt());
  }

  private static JsonArray jsonArray(Response values) {
    JsonArray array = new JsonArray();
    for (Response value : values) {
      array.add(new JsonObject(value.toString()));
    }
    return array;
  }

  /** Returns the shared token secret, storing {@code candidate} if no node has stored one yet. */
  public Future<String> sharedSecret(String candidate) {
    return redis
        .send(Request.cmd(Command.SET).arg(Keys.SECRET).arg(candidate).arg("NX"))
        .compose(ignored -> redis.send(Request.cmd(Command.GET).arg(Keys.SECRET)))
        .map(Response::toString);
  }

  /** Records the sockets of participants as online until {@code expiresAt}. */
  public Future<Void> markOnline(String boardId, Map<String, Long> membersExpiry) {
    if (membersExpiry.isEmpty()) {
      return Future.succeededFuture();
    }
    Request request = Request.cmd(Command.ZADD).arg(Keys.online(boardId));
    membersExpiry.forEach((member, expiresAt) -> request.arg(expiresAt).arg(member));
    return redis.send(request).mapEmpty();
  }

  public Future<Void> markOffline(String boardId, String member) {
    return redis.send(Request.cmd(Command.ZREM).arg(Keys.online(boardId)).arg(member)).mapEmpty();
  }

  /** The participants with at least one live socket, dropping entries whose node stopped refreshing them. */
  public Future<List<String>> online(String boardId, long now) {
    String key = Keys.online(boardId);
    return redis
        .batch(List.of(
            Request.cmd(Command.ZREMRANGEBYSCORE).arg(key).arg("-inf").arg(now),
            Request.cmd(Command.ZRANGE).arg(key).arg(0).arg(-1)))
        .map(responses -> {
          // Someone with two sockets (two tabs) counts once.
          Set<String> ids = new LinkedHashSet<>();
          for (Response member : responses.get(1)) {
            String text = member.toString();
            ids.add(text.substring(0, text.indexOf('|')));
          }
          return List.copyOf(ids);
        });
  }

  public Future<Boolean> ping() {
    return redis.send(Request.cmd(Command.PING)).map(r -> "PONG".equals(r.toString()));
  }

}
