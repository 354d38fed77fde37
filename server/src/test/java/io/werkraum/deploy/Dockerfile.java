package io.werkraum.deploy;

import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code infra/Dockerfile} read as Docker reads it: comments and parser directives dropped, lines
 * continued with a backslash joined, each instruction kept with the stage it belongs to.
 */
final class Dockerfile {
  /** One instruction: its keyword in capitals and the rest of the line. */
  record Instruction(String keyword, String arguments) {}

  /** One {@code FROM ... [AS name]} stage and its instructions. */
  record Stage(String image, String name, List<Instruction> instructions) {
    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last instruction of a kind, as Docker applies it; null if there is none. */
    Instruction last(String keyword) {
      List<Instruction> found = all(keyword);
      return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    /** Every {@code ENV} of the stage, in the {@code KEY=value} form (several per line). */
    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      for (Instruction instruction : all("ENV")) {
        for (String pair : instruction.arguments().trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new IllegalStateException("ENV in the legacy 'KEY value' form: " + instruction.arguments());
          }
          env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
      return env;
    }

    /** The exec form of ENTRYPOINT (a JSON array), or null if it has the shell form or none. */
    List<String> execEntrypoint() {
      Instruction entrypoint = last("ENTRYPOINT");
      if (entrypoint == null || !entrypoint.arguments().trim().startsWith("[")) {
        return null;
      }
      return new JsonArray(entrypoint.arguments().trim()).stream().map(String.class::cast).toList();
    }
  }

  private final List<Stage> stages;

  private Dockerfile(List<Stage> stages) {
    this.stages = stages;
  }

  static Dockerfile read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dockerfile parse(List<String> lines) {
    List<Stage> stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      add(stages, pending.toString().strip());
      pending.setLength(0);
    }
    if (!pending.isEmpty()) {
      add(stages, pending.toString().strip());
    }
    return new Dockerfile(stages);
  }

  private static void add(List<Stage> stages, String instruction) {
    if (instruction.isEmpty()) {
      return;
    }
    String[] parts = instruction.split("\\s+", 2);
    String keyword = parts[0].toUpperCase(Locale.ROOT);
    String arguments = parts.length > 1 ? parts[1] : "";
    if (keyword.equals("FROM")) {
      String[] from = arguments.split("\\s+");
      String name = from.length >= 3 && from[from.length - 2].equalsIgnoreCase("AS") ? from[from.length - 1] : null;
      String image = from[0].startsWith("--") && from.length > 1 ? from[1] : from[0];
      stages.add(new Stage(image, name, new ArrayList<>()));
      return;
    }
    if (stages.isEmpty()) {
      throw new IllegalStateException("instruction before the first FROM: " + instruction);
    }
    stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
  }

  List<Stage> stages() {
    return stages;
  }

  /** The stage the image is made of. */
  Stage runtime() {
    return stages.get(stages.size() - 1);
  }

  Stage stage(String name) {
    return stages.stream().filter(s -> name.equals(s.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no stage named " + name));
  }
}
