package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit logs in Redis: one stream per board (deleted with the board) and one for the
 * instance, for what belongs to no board (any more). Entries are trimmed by age: their stream ids
 * are the time they were written.
 */
public final class AuditStore {
  /** Adds to a board's audit stream only while the board exists: no entry brings a deleted board back. */
  private static final Script APPEND_TO_BOARD = Script.of("audit_append", """
      if redis.call('EXISTS', KEYS[1]) == 0 then
        return 0
      end
      redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[2], '*', 'a', ARGV[1])
      return 1
      """);

  private final Redis redis;

  public AuditStore(Redis redis) {
    this.redis = redis;
  }

  /** Appends to the board's audit stream; false when the board does not exist. */
  public Future<Boolean> appendToBoard(String board, String entry, long oldestKept) {
    return APPEND_TO_BOARD.run(redis, List.of(Keys.meta(board), Keys.audit(board)),
        List.of(entry, Long.toString(oldestKept))).map(r -> r.toInteger() == 1);
  }

  public Future<Void> appendToInstance(String entry, long oldestKept) {
    return redis.send(Request.cmd(Command.XADD).arg(Keys.AUDIT).arg("MINID").arg("~").arg(oldestKept)
        .arg("*").arg("a").arg(entry)).mapEmpty();
  }

  /** The board's newest entries first, at most {@code max}. */
  public Future<List<JsonObject>> ofBoard(String board, int max) {
    return newest(Keys.audit(board), max);
  }

  /** The instance's newest entries first, at most {@code max}. */
  public Future<List<JsonObject>> ofInstance(int max) {
    return newest(Keys.AUDIT, max);
  }

  private Future<List<JsonObject>> newest(String key, int max) {
    return redis.send(Request.cmd(Command.XREVRANGE).arg(key).arg("+").arg("-").arg("COUNT").arg(max))
        .map(AuditStore::entries);
  }

  private static List<JsonObject> entries(Response stream) {
    List<JsonObject> entries = new ArrayList<>();
    if (stream == null) {
      return entries;
    }
    for (Response item : stream) {
      Response fields = item.get(1);
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        if ("a".equals(fields.get(i).toString())) {
          entries.add(new JsonObject(fields.get(i + 1).toString()));
        }
      }
    }
    return entries;
  }
}
