package io.werkraum.testing;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Holds every write to a real Redis while the test lines up commands ({@code CLIENT PAUSE WRITE}):
 * reads still run, and the held scripts run in the order they came once the pause ends. That
 * widens the moment between a command's reads and its write to as long as the test likes, so a
 * check made before the write (instead of in it) shows as the wrong outcome every time.
 */
public final class RedisPause implements AutoCloseable {
  private final DirectStore redis;

  private RedisPause(DirectStore redis) {
    this.redis = redis;
  }

  public static RedisPause writes(DirectStore redis) {
    redis.send(Request.cmd(Command.CLIENT).arg("PAUSE").arg(30_000).arg("WRITE"));
    return new RedisPause(redis);
  }

  /**
   * Holds every command, reads too, for {@code millis}: Redis takes no command to end such a pause
   * early, so it ends on its own. Meanwhile the server can only do what needs no Redis.
   */
  public static void everythingFor(DirectStore redis, long millis) {
    redis.send(Request.cmd(Command.CLIENT).arg("PAUSE").arg(millis).arg("ALL"));
  }

  /** Waits until {@code count} scripts wait for the pause to end. */
  public void awaitHeldScripts(int count) {
    Await.until(count + " scripts are held", BridgeClient.TIMEOUT, () -> heldScripts() >= count,
        () -> heldScripts() + " held");
  }

  /** Clients blocked by the pause with a script as their next command. */
  private int heldScripts() {
    int held = 0;
    for (String line : redis.send(Request.cmd(Command.CLIENT).arg("LIST")).toString().split("\n")) {
      if (line.contains(" flags=b ") && (line.contains(" cmd=evalsha ") || line.contains(" cmd=eval "))) {
        held++;
      }
    }
    return held;
  }

  @Override
  public void close() {
    redis.send(Request.cmd(Command.CLIENT).arg("UNPAUSE"));
  }
}
