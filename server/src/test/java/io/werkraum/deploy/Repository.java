package io.werkraum.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The repository's files as an operator gets them: found from the module the tests run in. */
final class Repository {
  /** The jar the image runs, as the build writes it (the Dockerfile copies this path). */
  static final String JAR = "server/target/werkraum-server.jar";

  private Repository() {}

  /** The repository root: the nearest folder above the working directory holding infra/Dockerfile. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/Dockerfile"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no infra/Dockerfile above " + Path.of("").toAbsolutePath());
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  /** Every document of a YAML file (Kubernetes files hold several), anchors and merge keys resolved. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> yaml(Path file) {
    try (Reader in = Files.newBufferedReader(file)) {
      List<Map<String, Object>> documents = new ArrayList<>();
      for (Object document : new Yaml().loadAll(in)) {
        if (document != null) {
          documents.add((Map<String, Object>) document);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node at {@code path} (map keys, or list indexes as numbers) below {@code node}; null if absent. */
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else if (current instanceof List<?> list && step instanceof Integer index) {
        current = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, Object... path) {
    Object found = at(node, path);
    return found instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, Object... path) {
    Object found = at(node, path);
    return found instanceof List<?> list ? (List<Object>) list : List.of();
  }

  /** A scalar at {@code path} as text (YAML numbers and booleans too); null if absent. */
  static String text(Object node, Object... path) {
    Object found = at(node, path);
    return found == null ? null : found.toString();
  }
}
