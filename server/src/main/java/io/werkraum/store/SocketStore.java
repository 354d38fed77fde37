package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What sockets need of Redis beside the boards: using up socket tickets, who is online (with
 * expiry, so a dead node's people drop out), and the token secret all nodes share.
 */
public final class SocketStore {
  private static final Script OPEN = Script.load("socket_open.lua");

  private final Redis redis;

  public SocketStore(Redis redis) {
    this.redis = redis;
  }

  /**
   * What a socket opening with a ticket finds.
   *
   * @param fresh false when the ticket opened a socket before (a ticket opens one), or its
   *     participant is no longer on the board
   * @param participant the participant as stored, or null when removed
   * @param settings the board's settings (empty when never changed)
   */
  public record Opening(boolean fresh, JsonObject participant, JsonObject settings) {}

  /** Uses up the ticket {@code nonce} (kept until {@code ttlMs} from now) and reads what the socket needs. */
  public Future<Opening> open(String boardId, String participantId, String nonce, long ttlMs) {
    return OPEN.run(redis,
        List.of(Keys.ticket(boardId, nonce), Keys.participants(boardId), Keys.settings(boardId),
            Keys.expiring(boardId), Keys.meta(boardId)),
        List.of(participantId, Long.toString(Math.max(1, ttlMs)), Long.toString(System.currentTimeMillis())))
        .map(r -> new Opening(r.get(0).toInteger() == 1,
            r.get(1) == null ? null : new JsonObject(r.get(1).toString()),
            settings(r.get(2))));
  }

  /** The participants and settings of a board, as a socket decides on them. */
  public Future<Membership> membership(String boardId) {
    return redis.batch(List.of(
            Request.cmd(Command.HGETALL).arg(Keys.participants(boardId)),
            Request.cmd(Command.HGET).arg(Keys.settings(boardId)).arg("board")))
        .map(r -> {
          Map<String, String> participants = new HashMap<>();
          Response hash = r.get(0);
          for (String id : hash.getKeys()) {
            participants.put(id, hash.get(id).toString());
          }
          return new Membership(participants, settings(r.get(1)));
        });
  }

  /** As {@link #membership(String)}, for one participant only. */
  public Future<Membership> membership(String boardId, String participantId) {
    return redis.batch(List.of(
            Request.cmd(Command.HGET).arg(Keys.participants(boardId)).arg(participantId),
            Request.cmd(Command.HGET).arg(Keys.settings(boardId)).arg("board")))
        .map(r -> new Membership(r.get(0) == null ? Map.of() : Map.of(participantId, r.get(0).toString()),
            settings(r.get(1))));
  }

  private static JsonObject settings(Response stored) {
    return stored == null ? new JsonObject() : new JsonObject(stored.toString());
  }

  /**
   * Who is on a board (participant id -> as stored) and its settings; a participant is parsed only
   * when asked for (a guard needs the few it has sockets of).
   */
  public record Membership(Map<String, String> participants, JsonObject settings) {
    /** The participant as stored, or null when they are not on the board. */
    public JsonObject participant(String id) {
      String stored = participants.get(id);
      return stored == null ? null : new JsonObject(stored);
    }
  }

  /** Records the sockets of participants as online until {@code expiresAt}: member -> expiry. */
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
        .map(responses -> participantsOnline(responses.get(1)));
  }

  /** Who has a live socket (members {@code participant|socket}): each once, though they may have several tabs open. */
  static List<String> participantsOnline(Response members) {
    Set<String> ids = new LinkedHashSet<>();
    for (Response member : members) {
      String text = member.toString();
      ids.add(text.substring(0, text.indexOf('|')));
    }
    return List.copyOf(ids);
  }

  /** Returns the shared token secret, storing {@code candidate} if no node has stored one yet. */
  public Future<String> sharedSecret(String candidate) {
    return redis
        .send(Request.cmd(Command.SET).arg(Keys.SECRET).arg(candidate).arg("NX"))
        .compose(ignored -> redis.send(Request.cmd(Command.GET).arg(Keys.SECRET)))
        .map(Response::toString);
  }
}
