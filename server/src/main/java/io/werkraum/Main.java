package io.werkraum;

import io.werkraum.config.ConfigLoader;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.http.PortInUseException;

/** Starts one Werkraum node from flags, environment and config file, and says where to open it. */
public final class Main {
  /** Exit status when the HTTP port is taken (sysexits' EX_UNAVAILABLE), so scripts can tell. */
  static final int PORT_IN_USE = 69;

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
      PortInUseException portInUse = portInUse(e);
      if (portInUse != null) {
        System.err.println("werkraum: " + portInUse.getMessage() + "; start with --port N or stop the other program");
        System.exit(PORT_IN_USE);
        return;
      }
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

  private static PortInUseException portInUse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PortInUseException portInUse) {
        return portInUse;
      }
    }
    return null;
  }
}
