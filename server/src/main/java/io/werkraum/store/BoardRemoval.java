package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes whole boards: every key of the board, its rooms, snapshots, op logs, audit log,
 * command outcomes and ticket marks, in one script. Also keeps the instance's schedule of when to
 * check each board against its retention ({@link Keys#EXPIRY}): only a hint of when to look; the
 * script decides on what the board holds.
 */
public final class BoardRemoval {
  /** How often a removal is tried again when rooms or snapshots came or went while reading them. */
  private static final int ATTEMPTS = 8;

  /**
   * KEYS: every key of the board as {@link Keys#allOf} lists them (meta 1, rooms 2, participants
   * 3, settings 4, snapshots 7, expiring keys 12). ARGV: 1 how many rooms and 2 how many snapshots
   * the keys were listed for; 3 'delete' and 4 the facilitator deleting it, or 3 'expire', 4 server
   * time, 5 default retention days, 6 their cap.
   * Returns {'deleted', keys deleted}, {'absent'}, {'gone'} (the facilitator is no longer on it),
   * {'kept', when it expires} or {'stale'} (rooms or snapshots changed: list them again).
   */
  private static final Script REMOVE = Script.of("board_remove", """
      if redis.call('EXISTS', KEYS[1]) == 0 then
        return {'absent'}
      end
      if ARGV[3] == 'delete' then
        if redis.call('HEXISTS', KEYS[3], ARGV[4]) == 0 then
          return {'gone'}
        end
      else
        local last = tonumber(redis.call('HGET', KEYS[1], 'lastActivity') or redis.call('HGET', KEYS[1], 'createdAt'))
        local settings = werkraum.decode(redis.call('HGET', KEYS[4], 'board')) or {}
        local days = werkraum.retentionDays(settings.retentionDays, tonumber(ARGV[5]), tonumber(ARGV[6]))
        local expiresAt = last + days * 86400000
        if expiresAt > tonumber(ARGV[4]) then
          return {'kept', expiresAt}
        end
      end
      if redis.call('HLEN', KEYS[2]) ~= tonumber(ARGV[1]) or redis.call('HLEN', KEYS[7]) ~= tonumber(ARGV[2]) then
        return {'stale'}
      end
      local deleted = 0
      for _, key in ipairs(redis.call('ZRANGE', KEYS[12], 0, -1)) do
        deleted = deleted + redis.call('DEL', key)
      end
      for _, key in ipairs(KEYS) do
        deleted = deleted + redis.call('DEL', key)
      end
      return {'deleted', deleted}
      """);

  /** What became of a board. */
  public enum Outcome {
    /** Deleted now, by this call: its side effects are this caller's to run. */
    DELETED,
    /** There is no such board (deleted before, or never made). */
    ABSENT,
    /** The facilitator deleting it is no longer on it. */
    GONE,
    /** Not past its retention: kept. */
    KEPT
  }

  /** @param expiresAt for a board kept: when it expires if nothing happens on it until then */
  public record Removal(Outcome outcome, long expiresAt) {}

  private final Redis redis;

  public BoardRemoval(Redis redis) {
    this.redis = redis;
  }

  /** Deletes the board for a facilitator on it. */
  public Future<Removal> delete(String board, String facilitator) {
    return remove(board, List.of("delete", facilitator), ATTEMPTS);
  }

  /** Deletes the board if it is past its retention at {@code now}. */
  public Future<Removal> expire(String board, long now, int defaultDays, int capDays) {
    return remove(board, List.of("expire", Long.toString(now), Integer.toString(defaultDays),
        Integer.toString(capDays)), ATTEMPTS);
  }

  private Future<Removal> remove(String board, List<String> how, int attempts) {
    return redis.batch(List.of(Request.cmd(Command.HKEYS).arg(Keys.rooms(board)),
            Request.cmd(Command.HKEYS).arg(Keys.snapshots(board))))
        .compose(ids -> {
          List<String> rooms = strings(ids.get(0));
          List<String> snapshots = strings(ids.get(1));
          List<String> args = new ArrayList<>(List.of(Integer.toString(rooms.size()), Integer.toString(snapshots.size())));
          args.addAll(how);
          return REMOVE.run(redis, Keys.allOf(board, rooms, snapshots), args);
        })
        .compose(r -> switch (r.get(0).toString()) {
          case "deleted" -> Future.succeededFuture(new Removal(Outcome.DELETED, 0));
          case "absent" -> Future.succeededFuture(new Removal(Outcome.ABSENT, 0));
          case "gone" -> Future.succeededFuture(new Removal(Outcome.GONE, 0));
          case "kept" -> Future.succeededFuture(new Removal(Outcome.KEPT, r.get(1).toLong()));
          default -> attempts <= 1
              ? Future.failedFuture(new IllegalStateException("board " + board + " kept changing while being deleted"))
              : remove(board, how, attempts - 1);
        });
  }

  /** Look at the board at {@code checkAt} at the latest (an earlier check stays). */
  public Future<Void> scheduleBy(String board, long checkAt) {
    return redis.send(Request.cmd(Command.ZADD).arg(Keys.EXPIRY).arg("LT").arg(checkAt).arg(board)).mapEmpty();
  }

  /** Look at the board next at {@code checkAt}. */
  public Future<Void> scheduleAt(String board, long checkAt) {
    return redis.send(Request.cmd(Command.ZADD).arg(Keys.EXPIRY).arg(checkAt).arg(board)).mapEmpty();
  }

  public Future<Void> unschedule(String board) {
    return redis.send(Request.cmd(Command.ZREM).arg(Keys.EXPIRY).arg(board)).mapEmpty();
  }

  /** Boards due to be looked at by {@code now}, at most {@code max}. */
  public Future<List<String>> due(long now, int max) {
    return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(Keys.EXPIRY).arg("-inf").arg(now)
        .arg("LIMIT").arg(0).arg(max)).map(BoardRemoval::strings);
  }

  private static List<String> strings(Response values) {
    return values == null ? List.of() : BoardStore.strings(values);
  }
}
