package io.werkraum.store;

import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.werkraum.config.WerkraumConfig;

/** Redis client options for a standalone, Sentinel or Cluster deployment. */
public final class RedisConnector {
  private RedisConnector() {}

  public static RedisOptions options(WerkraumConfig config) {
    RedisOptions options = new RedisOptions()
        .setType(RedisClientType.valueOf(config.redisType().toUpperCase()))
        .setPreferredProtocolVersion(ProtocolVersion.RESP2)
        .setMaxPoolSize(16)
        .setMaxPoolWaiting(4096)
        .setMaxWaitingHandlers(8192)
        .setPoolRecycleTimeout(15_000)
        // The name the pool's metrics carry: one for every client, not a new UUID per client and start.
        .setPoolName("redis");
    // Sentinel and Cluster take several comma-separated endpoints.
    for (String url : config.redisUrl().split(",")) {
      options.addConnectionString(url.trim());
    }
    if (config.redisType().equals("sentinel")) {
      options.setMasterName(config.redisMasterName());
    }
    return options;
  }
}
