package io.werkraum.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The whole configuration, typed. Built by {@link ConfigLoader} from defaults, a JSON file,
 * environment variables and command-line flags (later ones win).
 *
 * @param publicUrl the URL browsers use, for links and the Origin check; null to take it from requests
 * @param redisUrl null to run the embedded Redis in {@code dataDir}
 * @param secret the token-signing secret; null to share one created once in Redis
 * @param retention how long boards and the audit log are kept
 * @param privacyUrl the operator's privacy statement; null for Werkraum's built-in one at {@code /privacy}
 * @param operatorName who runs this instance (the controller), for the built-in privacy statement; null if not given
 * @param operatorContact how to reach the operator or their data protection officer; null if not given
 * @param accessibility whom people reach about barriers, named in the accessibility statement
 * @param anonymityThreshold the fewest voters an organisation needs in an anonymous round to be shown by name
 * @param metrics whether Vert.x and Werkraum record metrics and serve them on {@code metricsPort}
 * @param metricsPort the management port of {@code GET /metrics}, on {@code host}
 * @param signIn sign-in through an OpenID Connect provider; null when the instance has none
 * @param timeZone the zone the exports show times in (the workshops' local time), {@code Europe/Berlin} unless set
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
    Retention retention,
    String privacyUrl,
    String operatorName,
    String operatorContact,
    Accessibility accessibility,
    int anonymityThreshold,
    boolean metrics,
    int metricsPort,
    SignInConfig signIn,
    ZoneId timeZone) {

  /**
   * @param boardDays the days a board is kept after its last activity unless its facilitators
   *     chose otherwise
   * @param maxBoardDays the most days any board is kept, whatever its facilitators chose (the
   *     administrator's cap; facilitators may choose from 1 up to it)
   * @param auditDays the days an audit entry is kept
   * @param sweepSeconds how often each node looks for boards past their expiry
   */
  public record Retention(int boardDays, int maxBoardDays, int auditDays, int sweepSeconds) {
    /**
     * The days a board is kept: its facilitators' choice (null for none) or the default, never
     * more than the cap (which may have been lowered since they chose). The same rule as
     * {@code werkraum.retentionDays} in Lua.
     */
    public int effectiveDays(Integer chosen) {
      return Math.min(chosen == null ? boardDays : chosen, maxBoardDays);
    }

    /** When a board quiet since {@code lastActivity} expires, with its facilitators' choice (null for none). */
    public long expiresAt(long lastActivity, Integer chosen) {
      return lastActivity + effectiveDays(chosen) * 24L * 3600 * 1000;
    }
  }

  /**
   * The accessibility statement: the operator's own, or Werkraum's built-in one with the
   * operator's feedback contact (BGG §12b: a way to report barriers and ask for content in an
   * accessible form); each part null when not given.
   *
   * @param statementUrl the operator's own statement; null for the built-in one at {@code /accessibility}
   * @param contactEmail an e-mail address
   * @param contactUrl a contact form ({@code http(s)://…})
   * @param contactAddress a postal address
   */
  public record Accessibility(String statementUrl, String contactEmail, String contactUrl, String contactAddress) {
    public boolean hasContact() {
      return contactEmail != null || contactUrl != null || contactAddress != null;
    }

    /** The built-in statement is shown and can name nobody to write to. */
    public boolean lacksContact() {
      return statementUrl == null && !hasContact();
    }
  }

  public boolean embeddedRedis() {
    return redisUrl == null || redisUrl.isBlank();
  }

  public WerkraumConfig withRedisUrl(String url) {
    return new WerkraumConfig(host, port, publicUrl, allowedOrigins, dataDir, url, redisType,
        redisMasterName, redisFsync, secret, cluster, clusterName, clusterHost, clusterPort,
        clusterMembers, httpInstances, retention, privacyUrl, operatorName, operatorContact, accessibility,
        anonymityThreshold, metrics, metricsPort, signIn, timeZone);
  }
}
