package io.werkraum.architecture;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server's packages depend on each other without a cycle, as the JDK's own dependency tool
 * ({@code jdeps}) reads them from the compiled classes (which sees every use, imported or written
 * out in full): each package one concern, lower layers never calling back into higher ones.
 */
class PackageCyclesTest {
  private static final Pattern EDGE = Pattern.compile("^\\s*(io\\.werkraum[\\w.]*)\\s+->\\s+(io\\.werkraum[\\w.]*)\\s");

  @Test
  void theServersPackagesHaveNoCycle() {
    Map<String, Set<String>> uses = dependencies();
    assertTrue(uses.size() > 10, "jdeps saw the packages: " + uses.keySet());
    List<String> cycle = cycle(uses);
    assertEquals(List.of(), cycle, "a package cycle: " + String.join(" -> ", cycle));
  }

  /** package -> the io.werkraum packages it uses, from jdeps on target/classes. */
  static Map<String, Set<String>> dependencies() {
    Path classes = Path.of("target", "classes");
    assertTrue(Files.isDirectory(classes.resolve("io/werkraum")), "compiled classes in " + classes.toAbsolutePath());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps is part of the JDK"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
        "-verbose:package", "-filter:none", classes.toString());
    assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    Map<String, Set<String>> uses = new TreeMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find()) {
        Set<String> used = uses.computeIfAbsent(m.group(1), p -> new TreeSet<>());
        if (!m.group(1).equals(m.group(2))) {
          used.add(m.group(2));
        }
      }
    }
    return uses;
  }

  /** A cycle among the packages, as the path that closes it; empty when there is none. */
  static List<String> cycle(Map<String, Set<String>> uses) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    for (String start : uses.keySet()) {
      Deque<String> path = new ArrayDeque<>();
      List<String> found = visit(start, uses, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<String> visit(String pkg, Map<String, Set<String>> uses, Map<String, Integer> state,
      Deque<String> path) {
    Integer s = state.get(pkg);
    if (s != null && s == 2) {
      return List.of();
    }
    path.addLast(pkg);
    if (s != null && s == 1) {
      List<String> all = new ArrayList<>(path);
      return all.subList(all.indexOf(pkg), all.size());
    }
    state.put(pkg, 1);
    for (String next : uses.getOrDefault(pkg, Set.of())) {
      List<String> found = visit(next, uses, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.removeLast();
    state.put(pkg, 2);
    return List.of();
  }
}
