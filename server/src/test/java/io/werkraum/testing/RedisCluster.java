package io.werkraum.testing;

import io.werkraum.store.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of three masters (no replicas) on 127.0.0.1 and free ports, each node a
 * {@code redis-server --cluster-enabled yes} child in a folder of its own. The 16384 slots are
 * split into three ranges ({@code 0-5460}, {@code 5461-10921}, {@code 10922-16383}) with
 * {@code CLUSTER ADDSLOTS}, the nodes are joined with {@code CLUSTER MEET}, and the constructor
 * returns once every node reports {@code cluster_state:ok}, all slots assigned and all three nodes
 * known. No redis-cli needed.
 */
public final class RedisCluster implements AutoCloseable {
  public static final int SLOTS = 16384;
  private static final int NODES = 3;
  /** The cluster bus listens on the node's port + 10000 (Redis 6 and 7 alike). */
  private static final int BUS_OFFSET = 10_000;

  private final Path root;
  private final List<RedisChild> nodes = new ArrayList<>();

  public RedisCluster() {
    try {
      root = Files.createTempDirectory("werkraum-test-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (int i = 0; i < NODES; i++) {
        int port = portWithFreeBus();
        nodes.add(RedisChild.start("node" + i, port, root.resolve("node" + i), null, List.of(
            "--cluster-enabled", "yes",
            "--cluster-config-file", root.resolve("node" + i).resolve("nodes.conf").toString(),
            // Redis' default: a node a busy machine keeps from answering for a few seconds is
            // not marked failing, which would take the cluster down mid-test.
            "--cluster-node-timeout", "15000",
            "--appendonly", "no",
            "--save", "",
            "--protected-mode", "yes",
            "--loglevel", "notice")));
      }
      for (int i = 0; i < NODES; i++) {
        int from = i * SLOTS / NODES;
        int to = (i + 1) * SLOTS / NODES - 1;
        List<String> addSlots = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
        for (int slot = from; slot <= to; slot++) {
          addSlots.add(Integer.toString(slot));
        }
        Resp.call(nodes.get(i).port(), addSlots);
        // Distinct epochs from the start, as redis-cli --cluster create sets them.
        Resp.call(nodes.get(i).port(), "CLUSTER", "SET-CONFIG-EPOCH", i + 1);
      }
      for (int i = 1; i < NODES; i++) {
        Resp.call(nodes.get(0).port(), "CLUSTER", "MEET", "127.0.0.1", nodes.get(i).port());
      }
      for (RedisChild node : nodes) {
        Resp.await(node.name() + " reports cluster_state:ok with all slots and nodes", 60_000, () -> {
          Map<String, String> info = Resp.info(node.port(), "CLUSTER", "INFO");
          return "ok".equals(info.get("cluster_state"))
              && Integer.toString(SLOTS).equals(info.get("cluster_slots_ok"))
              && Integer.toString(NODES).equals(info.get("cluster_known_nodes"))
              && Integer.toString(NODES).equals(info.get("cluster_size"));
        }, () -> Resp.string(node.port(), "CLUSTER", "INFO") + Resp.string(node.port(), "CLUSTER", "NODES"));
      }
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /**
   * A free port whose cluster bus port (+10000) is free too. Picked from
   * {@link EmbeddedRedis#freePort()} until one fits below 65536.
   */
  private static int portWithFreeBus() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = EmbeddedRedis.freePort();
      if (port + BUS_OFFSET > 65_535) {
        continue;
      }
      try (ServerSocket bus = new ServerSocket(port + BUS_OFFSET, 1, InetAddress.getLoopbackAddress())) {
        return bus.getLocalPort() - BUS_OFFSET;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port pair for a cluster node");
  }

  /** {@code redis://127.0.0.1:<port>,...} of the three masters, as {@code REDIS_URL} takes them. */
  public String url() {
    return nodes.stream().map(n -> "redis://127.0.0.1:" + n.port()).collect(Collectors.joining(","));
  }

  /** The hash slot of a key, as the cluster computes it. */
  public int slot(String key) {
    return ((Long) Resp.call(nodes.get(0).port(), "CLUSTER", "KEYSLOT", key)).intValue();
  }

  /**
   * The keys on master {@code index} itself whose name contains {@code text} (SCAN, no redirection
   * followed), so a test can tell where a board's data lives without knowing the key layout.
   */
  @SuppressWarnings("unchecked")
  public List<String> keysOn(int index, String text) {
    String pattern = "*" + text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      List<Object> page = (List<Object>) Resp.call(nodes.get(index).port(), "SCAN", cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = page.get(0).toString();
      ((List<Object>) page.get(1)).forEach(k -> keys.add(k.toString()));
    } while (!"0".equals(cursor));
    return keys;
  }

  /** The masters (0, 1, 2) holding at least one key whose name contains {@code text}. */
  public Set<Integer> mastersHolding(String text) {
    Set<Integer> masters = new TreeSet<>();
    for (int i = 0; i < NODES; i++) {
      if (!keysOn(i, text).isEmpty()) {
        masters.add(i);
      }
    }
    return masters;
  }

  /** How many keys master {@code index} holds. */
  public long dbSize(int index) {
    return (Long) Resp.call(nodes.get(index).port(), "DBSIZE");
  }

  /** CLUSTER NODES as node 0 sees it, for messages. */
  public String describe() {
    return Resp.string(nodes.get(0).port(), "CLUSTER", "NODES");
  }

  @Override
  public void close() {
    nodes.forEach(RedisChild::close);
    RedisChild.deleteTree(root);
  }
}
