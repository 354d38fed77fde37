package io.werkraum.loadtest;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * The load tool: {@code --scenario presence} (the default: presence fan-out in one room),
 * {@code --scenario commands} (acknowledged note updates) or {@code --scenario delete} (deleting
 * boards of many notes). Options are {@code --name value} pairs.
 */
public final class Main {
  private Main() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    Vertx vertx = Vertx.vertx();
    try {
      switch (args.getOrDefault("scenario", "presence")) {
        case "presence" -> new PresenceLoad(vertx, args).run();
        case "commands" -> new CommandLoad(vertx, args).run();
        case "delete" -> new DeleteLoad(vertx, args).run();
        default -> throw new IllegalArgumentException("--scenario is presence, commands or delete");
      }
    } finally {
      vertx.close().await();
    }
  }
}
