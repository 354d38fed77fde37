package io.werkraum;

import io.werkraum.config.ConfigLoader;
import io.werkraum.config.WerkraumConfig;

/** Starts one Werkraum node from flags, environment and config file, and says where to open it. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    WerkraumConfig config;
    try {
      config = ConfigLoader.load(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("werkraum: " + e.getMessage());
      System.exit(2);
      return;
    }
    Werkraum werkraum;
    try {
      werkraum = Werkraum.start(config).await();
    } catch (Exception e) {
      System.err.println("werkraum: could not start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        werkraum.stop().await();
      } catch (Exception e) {
        System.err.println("werkraum: unclean shutdown: " + e.getMessage());
      }
    }, "werkraum-shutdown"));
    System.out.println();
    System.out.println("Werkraum is running. Open " + werkraum.url());
    System.out.println(config.embeddedRedis()
        ? "Data is kept in " + config.dataDir().toAbsolutePath() + " (embedded Redis)."
        : "Redis: " + config.redisType() + " at " + config.redisUrl());
    System.out.println();
  }
}
