package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Note;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.board.Round;
import io.werkraum.board.Section;
import io.werkraum.protocol.ErrorCode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Redis as the single source of truth of every board. Every change goes through {@link #commit}:
 * one script per operation, in which the idempotency record, every precondition, the write, the
 * stream's sequence number and its op log happen in one step. The reads here serve features that
 * decide on what is stored before they commit.
 */
public final class BoardStore {
  /** How many events each stream's op log keeps for deltas (approximately, trimmed by Redis). */
  static final int LOG_LENGTH = 1_000;
  /** How long a command's outcome is kept for resends. */
  static final int RECORD_TTL_SECONDS = 24 * 3600;
  /** How often a change decided on a read is tried again when the board changed in between. */
  static final int ATTEMPTS = 8;

  private static final Script READ_ROOM = Script.load("read_room.lua");
  /** Looks for a command's recorded outcome only: writes nothing, records nothing. */
  private static final Script RECORDED = Script.commit("recorded",
      "return werkraum.commit{run = function() return werkraum.STALE end}");

  /** How long audit entries are kept unless configured. */
  private static final int AUDIT_DAYS = 365;

  private final Redis redis;
  private final long auditMillis;

  public BoardStore(Redis redis) {
    this(redis, AUDIT_DAYS);
  }

  /** @param auditDays how long the board's audit entries are kept */
  public BoardStore(Redis redis, int auditDays) {
    this.redis = redis;
    this.auditMillis = auditDays * 24L * 3600 * 1000;
  }

  /**
   * Applies a change at most once per command id. Fails with a {@link Rejection} when it is
   * refused (now or, for a resend, the first time), with {@link Stale} when the board changed
   * since the caller read it.
   */
  public Future<Committed> commit(Commit c) {
    String board = c.boardId();
    String stored = c.event == null ? "" : EventCodec.stored(c.event, c.now);
    Stream stream = c.stream != null ? c.stream : Stream.board(board);
    List<String> keys = new ArrayList<>(List.of(
        Keys.command(board, c.actor.participantId(), c.commandId),
        stream.seqKey(), stream.logKey(),
        Keys.participants(board), Keys.settings(board), Keys.rooms(board),
        Keys.audit(board), Keys.expiring(board), Keys.meta(board)));
    keys.addAll(c.keys);
    List<String> args = new ArrayList<>(List.of(
        c.actor.isSystem() ? "" : c.actor.participantId(),
        Long.toString(c.now),
        Integer.toString(RECORD_TTL_SECONDS),
        Integer.toString(LOG_LENGTH),
        stored,
        c.actor.role() == Role.FACILITATOR ? "0" : "1",
        c.room == null ? "" : c.room,
        c.audit == null ? "" : c.audit,
        Long.toString(c.now - auditMillis),
        c.finishing ? "1" : "0"));
    args.addAll(c.args);
    return c.script.run(redis, keys, args).map(r -> outcome(c, stored, r));
  }

  /**
   * @param stored the event as this commit sent it; a resend answers the one the first send stored,
   *     from the op log of the stream the commit names
   */
  private static Committed outcome(Commit c, String stored, Response r) {
    String verdict = r.get(0).toString();
    boolean duplicate = "dup".equals(verdict);
    JsonObject outcome = new JsonObject(r.get(1).toString());
    switch (verdict) {
      case "stale" -> throw new Stale(c.script.name());
      case "gone" -> throw Rejection.notAllowed("you are no longer on this board");
      case "deleted" -> throw Rejection.boardGone();
      default -> { }
    }
    if (outcome.containsKey("error")) {
      ErrorCode code = ErrorCode.fromCode((String) outcome.remove("error"));
      throw new Rejection(code, Refusals.message(code, c), outcome.getMap());
    }
    long seq = outcome.getLong("seq", 0L);
    String text = duplicate ? (r.get(2) == null ? null : r.get(2).toString()) : stored;
    String event = text == null || text.isEmpty() || seq == 0 ? null
        : EventCodec.wire(text, seq, r.get(3) == null ? null : r.get(3).toString());
    JsonObject reply = r.get(4) == null ? null : new JsonObject(r.get(4).toString());
    return new Committed(seq, duplicate, c.stream, event, reply);
  }

  /**
   * A change decided on what is read first: the recorded outcome of an earlier send of the same
   * command when there is one (a resend must answer the first outcome, not decide again on a board
   * that has moved on); otherwise {@code attempt} (a read, a decision on it, and a commit), again
   * while its commit finds the board changed since the read, giving up with {@code conflict}
   * after a few tries.
   *
   * @param stream the stream the change's event goes to (where a resend finds it)
   */
  public Future<Committed> decided(Actor actor, String commandId, long now, Stream stream,
      Supplier<Future<Committed>> attempt) {
    return commit(Commit.by(actor, commandId, now, RECORDED).on(stream))
        .recover(err -> err instanceof Stale ? retrying(attempt, ATTEMPTS) : Future.failedFuture(err));
  }

  private Future<Committed> retrying(Supplier<Future<Committed>> attempt, int left) {
    return attempt.get().recover(err -> {
      if (!(err instanceof Stale)) {
        return Future.failedFuture(err);
      }
      if (left <= 1) {
        return Future.failedFuture(new Rejection(ErrorCode.CONFLICT, "the board kept changing; please retry"));
      }
      return retrying(attempt, left - 1);
    });
  }

  /** The board, or null when there is none with this id. */
  public Future<Board> board(String boardId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(Keys.meta(boardId))).map(r -> {
      if (r == null || r.size() == 0 || !r.containsKey("title")) {
        return null;
      }
      return new Board(boardId, r.get("title").toString(), r.get("createdAt").toLong(),
          r.get("facilitatorSecret").toString(), r.get("joinCode").toString(),
          r.containsKey("observerCode") ? r.get("observerCode").toString() : null,
          r.containsKey("timeZone") ? ZoneId.of(r.get("timeZone").toString()) : null);
    });
  }

  /** The salt of the board's join passphrase, or null when it asks for none. */
  public Future<String> passphraseSalt(String boardId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.meta(boardId)).arg("passphraseSalt"))
        .map(r -> r == null ? null : r.toString());
  }

  /** What anyone on the board may see of it: no credentials; its time zone when it has one. */
  public static JsonObject publicBoard(Board board) {
    JsonObject shown = new JsonObject().put("id", board.id()).put("title", board.title())
        .put("createdAt", board.createdAt());
    return board.timeZone() == null ? shown : shown.put("timeZone", board.timeZone().getId());
  }

  /** The participant as stored, or null (never joined, or removed). */
  public Future<JsonObject> participant(String boardId, String participantId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.participants(boardId)).arg(participantId))
        .map(r -> r == null ? null : new JsonObject(r.toString()));
  }

  /** Every participant of the board as stored. */
  public Future<List<JsonObject>> participants(String boardId) {
    return values(Keys.participants(boardId)).map(values -> values.stream().map(JsonObject::new).toList());
  }

  /** The board's settings (empty when never changed), with their version {@code v}. */
  public Future<JsonObject> settings(String boardId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.settings(boardId)).arg("board"))
        .map(r -> r == null ? new JsonObject() : new JsonObject(r.toString()));
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

  /** Every round as stored: id -> its JSON text. */
  public Future<Map<String, String>> rounds(String boardId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(Keys.rounds(boardId))).map(BoardStore::texts);
  }

  /** Every snapshot's content: id -> the board document it keeps (JSON text). */
  public Future<Map<String, String>> snapshotContents(String boardId) {
    return redis.send(Request.cmd(Command.HKEYS).arg(Keys.snapshots(boardId))).compose(ids -> {
      List<String> list = strings(ids);
      if (list.isEmpty()) {
        return Future.succeededFuture(Map.of());
      }
      Request get = Request.cmd(Command.MGET);
      list.forEach(id -> get.arg(Keys.snapshot(boardId, id)));
      return redis.send(get).map(contents -> {
        Map<String, String> byId = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
          if (contents.get(i) != null) {
            byId.put(list.get(i), contents.get(i).toString());
          }
        }
        return byId;
      });
    });
  }

  private static Map<String, String> texts(Response hash) {
    Map<String, String> texts = new HashMap<>();
    for (String field : hash.getKeys()) {
      texts.put(field, hash.get(field).toString());
    }
    return texts;
  }

  /** One round, or null. */
  public Future<Round> round(String boardId, String roundId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.rounds(boardId)).arg(roundId))
        .map(r -> r == null ? null : EventCodec.read(r.toString(), Round.class));
  }

  /** One note as stored, with its version {@code v}, or null. */
  public Future<JsonObject> note(String boardId, String room, String noteId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.notes(boardId, room)).arg(noteId))
        .map(r -> r == null ? null : new JsonObject(r.toString()));
  }

  /** A room's notes and sections at one sequence number of its stream, read in one step. */
  public Future<RoomContent> room(String boardId, String room) {
    return READ_ROOM.run(redis,
        List.of(Keys.roomSeq(boardId, room), Keys.notes(boardId, room), Keys.sections(boardId, room)), List.of())
        .map(r -> new RoomContent(r.get(0).toLong(),
            read(r.get(1), Note.class), read(r.get(2), Section.class)));
  }

  /** The votes of the open round, as stored. */
  public Future<Ballot> ballot(String boardId) {
    return redis.send(Request.cmd(Command.HGETALL).arg(Keys.ballot(boardId))).map(BoardStore::ballot);
  }

  static Ballot ballot(Response hash) {
    Map<String, String> fields = new HashMap<>();
    for (String field : hash.getKeys()) {
      fields.put(field, hash.get(field).toString());
    }
    return Ballot.of(fields);
  }

  /** What a snapshot is (name, occasion, when, by whom), or null. */
  public Future<JsonObject> snapshotInfo(String boardId, String snapshotId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.snapshots(boardId)).arg(snapshotId))
        .map(r -> r == null ? null : new JsonObject(r.toString()));
  }

  /** A snapshot's content, or null. */
  public Future<String> snapshot(String boardId, String snapshotId) {
    return redis.send(Request.cmd(Command.GET).arg(Keys.snapshot(boardId, snapshotId)))
        .map(r -> r == null ? null : r.toString());
  }

  /** The board's owners as facilitators see them ({name, email}), in no particular order. */
  public Future<List<JsonObject>> owners(String boardId) {
    return values(Keys.owners(boardId)).map(values -> values.stream().map(JsonObject::new).toList());
  }

  /**
   * The owner a facilitator joined as: the subject recorded when they joined signed in, while it
   * is still among the board's owners; null otherwise.
   */
  public Future<String> ownerOf(String boardId, String participantId) {
    return redis.send(Request.cmd(Command.HGET).arg(Keys.signedIn(boardId)).arg(participantId)).compose(subject ->
        subject == null ? Future.succeededFuture(null)
            : redis.send(Request.cmd(Command.HEXISTS).arg(Keys.owners(boardId)).arg(subject.toString()))
                .map(exists -> exists.toInteger() == 1 ? subject.toString() : null));
  }

  public Future<Boolean> ping() {
    return redis.send(Request.cmd(Command.PING)).map(r -> "PONG".equals(r.toString()));
  }

  private Future<List<String>> values(String hash) {
    return redis.send(Request.cmd(Command.HVALS).arg(hash)).map(BoardStore::strings);
  }

  static List<String> strings(Response values) {
    List<String> list = new ArrayList<>(values.size());
    for (Response value : values) {
      list.add(value.toString());
    }
    return list;
  }

  static <T> List<T> read(Response values, Class<T> type) {
    List<T> list = new ArrayList<>(values.size());
    for (Response value : values) {
      list.add(EventCodec.read(value.toString(), type));
    }
    return list;
  }
}
