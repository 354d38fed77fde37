package io.werkraum.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration, typed. Built by {@link ConfigLoader} from defaults, a JSON file,
 * environment variables and command-line flags (later ones win).
 *
 * @param publicUrl the URL browsers use, for links and the Origin check; null to take it from requests
 * @param redisUrl null to run the embedded Redis in {@code dataDir}
 * @param secret the token-signing secret; null to share one created once in Redis
 * @param signIn sign-in through an OpenID Connect provider; null when the instance has none
 */
public record WerkraumConfig(
    String host,
    int port,
    String publicUrl,
    List<String> allowedOrigins,
    Path dataDir,
    String redisUrl,
    String redisType,
    String redisMasterName,
    String redisFsync,
    String secret,
    boolean cluster,
    String clusterName,
    String clusterHost,
    int clusterPort,
    List<String> clusterMembers,
    int httpInstances,
    SignInConfig signIn) {

  public boolean embeddedRedis() {
    return redisUrl == null || redisUrl.isBlank();
  }

  public WerkraumConfig withRedisUrl(String url) {
    return new WerkraumConfig(host, port, publicUrl, allowedOrigins, dataDir, url, redisType,
        redisMasterName, redisFsync, secret, cluster, clusterName, clusterHost, clusterPort,
        clusterMembers, httpInstances, signIn);
  }
}
