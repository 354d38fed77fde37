package io.werkraum.testing;

import io.werkraum.store.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Redis Sentinel deployment on 127.0.0.1 and free ports: a master, one replica
 * ({@code --replicaof}) and three Sentinels ({@code redis-server <config> --sentinel}) monitoring
 * the master under {@link #masterName()} with quorum 2. Down-after (30 s) and the failover timeout
 * (180 s) are Sentinel's defaults: the tests use one master throughout, and a busy machine that
 * keeps the master from answering for a moment must not start a failover in the middle of one.
 * The constructor returns once every Sentinel names the master, sees the replica as a healthy
 * replica and knows the two other Sentinels, and the replica is in sync.
 */
public final class RedisSentinel implements AutoCloseable {
  private static final int SENTINELS = 3;

  private final Path root;
  private final String masterName;
  /** The two data nodes, master first. */
  private final List<RedisChild> servers = new ArrayList<>();
  private final List<RedisChild> sentinels = new ArrayList<>();

  public RedisSentinel(String masterName) {
    this.masterName = masterName;
    try {
      root = Files.createTempDirectory("werkraum-test-sentinel");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      start();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  private void start() throws IOException {
    List<String> common = List.of("--appendonly", "no", "--save", "", "--protected-mode", "yes",
        "--loglevel", "notice", "--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0");
    RedisChild master = RedisChild.start("master", EmbeddedRedis.freePort(), root.resolve("master"), null, common);
    servers.add(master);
    List<String> replicaArgs = new ArrayList<>(common);
    replicaArgs.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
    servers.add(RedisChild.start("replica", EmbeddedRedis.freePort(), root.resolve("replica"), null, replicaArgs));
    awaitInSync(master, servers.get(1));

    for (int i = 0; i < SENTINELS; i++) {
      Path dir = root.resolve("sentinel" + i);
      Files.createDirectories(dir);
      Path config = dir.resolve("sentinel.conf");
      // Sentinel rewrites its config file (known replicas, other Sentinels, epochs): it must be writable.
      Files.writeString(config, String.join("\n",
          "sentinel monitor " + masterName + " 127.0.0.1 " + master.port() + " 2",
          "sentinel down-after-milliseconds " + masterName + " 30000",
          "sentinel failover-timeout " + masterName + " 180000",
          "sentinel parallel-syncs " + masterName + " 1",
          ""));
      sentinels.add(RedisChild.start("sentinel" + i, EmbeddedRedis.freePort(), dir, config,
          List.of("--sentinel", "--loglevel", "notice")));
    }
    for (RedisChild sentinel : sentinels) {
      Resp.await(sentinel.name() + " knows the master, the replica and the other Sentinels", 60_000, () -> {
        Map<String, String> m = Resp.pairs(Resp.call(sentinel.port(), "SENTINEL", "MASTER", masterName));
        return "master".equals(m.get("flags"))
            && Integer.toString(master.port()).equals(m.get("port"))
            && "1".equals(m.get("num-slaves"))
            && Integer.toString(SENTINELS - 1).equals(m.get("num-other-sentinels"))
            && replicaHealthy(sentinel.port(), servers.get(1).port());
      }, () -> Resp.call(sentinel.port(), "SENTINEL", "MASTER", masterName) + " replicas: "
          + Resp.call(sentinel.port(), "SENTINEL", "REPLICAS", masterName));
    }
  }

  @SuppressWarnings("unchecked")
  private boolean replicaHealthy(int sentinelPort, int replicaPort) {
    for (Object entry : (List<Object>) Resp.call(sentinelPort, "SENTINEL", "REPLICAS", masterName)) {
      Map<String, String> r = Resp.pairs(entry);
      if (Integer.toString(replicaPort).equals(r.get("port"))) {
        return "slave".equals(r.get("flags")) && "ok".equals(r.get("master-link-status"));
      }
    }
    return false;
  }

  /** The replica is linked, and the master counts it online at the master's offset. */
  private static void awaitInSync(RedisChild master, RedisChild replica) {
    Resp.await(replica.name() + " on " + replica.port() + " replicates " + master.name() + " on " + master.port()
        + " and is in sync", 60_000, () -> {
          Map<String, String> r = Resp.info(replica.port(), "INFO", "replication");
          Map<String, String> m = Resp.info(master.port(), "INFO", "replication");
          String slave0 = m.getOrDefault("slave0", "");
          return "slave".equals(r.get("role"))
              && Integer.toString(master.port()).equals(r.get("master_port"))
              && "up".equals(r.get("master_link_status"))
              && "master".equals(m.get("role"))
              && "1".equals(m.get("connected_slaves"))
              && slave0.contains("port=" + replica.port())
              && slave0.contains("state=online")
              && slave0.contains("offset=" + m.get("master_repl_offset") + ",");
        }, () -> "replica: " + Resp.info(replica.port(), "INFO", "replication")
            + " master: " + Resp.info(master.port(), "INFO", "replication"));
  }

  /** {@code redis://127.0.0.1:<port>,...} of the three Sentinels, as {@code REDIS_URL} takes them. */
  public String url() {
    return sentinels.stream().map(s -> "redis://127.0.0.1:" + s.port()).collect(Collectors.joining(","));
  }

  public String masterName() {
    return masterName;
  }

  /** The master's port as Sentinel {@code index} reports it. */
  @SuppressWarnings("unchecked")
  public int reportedMasterPort(int index) {
    List<Object> addr = (List<Object>) Resp.call(sentinels.get(index).port(),
        "SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName);
    return Integer.parseInt(addr.get(1).toString());
  }

  /** Both data nodes' ports, master first. */
  public List<Integer> serverPorts() {
    return servers.stream().map(RedisChild::port).toList();
  }

  /** What each node and Sentinel says, for failure messages. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (RedisChild server : servers) {
      Map<String, String> info = Resp.info(server.port(), "INFO", "replication");
      text.append(server.name()).append('@').append(server.port()).append(" role=").append(info.get("role"))
          .append(" master_port=").append(info.get("master_port")).append(" link=").append(info.get("master_link_status"))
          .append(" slaves=").append(info.get("connected_slaves")).append("; ");
    }
    for (RedisChild sentinel : sentinels) {
      text.append(sentinel.name()).append(" -> ")
          .append(Resp.tryCall(sentinel.port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", masterName)).append("; ");
    }
    return text.toString();
  }

  @Override
  public void close() {
    sentinels.forEach(RedisChild::close);
    servers.forEach(RedisChild::close);
    RedisChild.deleteTree(root);
  }
}
