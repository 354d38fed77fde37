package io.werkraum.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration. Each setting has one name, used as the JSON key of the config file,
 * as {@code --name} on the command line and as an environment variable.
 */
public final class ConfigLoader {
  /** name -> environment variable. */
  private static final Map<String, String> ENV = new LinkedHashMap<>();

  static {
    ENV.put("host", "WERKRAUM_HOST");
    ENV.put("port", "WERKRAUM_PORT");
    ENV.put("publicUrl", "WERKRAUM_PUBLIC_URL");
    ENV.put("allowedOrigins", "WERKRAUM_ALLOWED_ORIGINS");
    ENV.put("dataDir", "WERKRAUM_DATA_DIR");
    ENV.put("redisUrl", "REDIS_URL");
    ENV.put("redisType", "WERKRAUM_REDIS_TYPE");
    ENV.put("redisMasterName", "WERKRAUM_REDIS_MASTER_NAME");
    ENV.put("redisFsync", "WERKRAUM_REDIS_FSYNC");
    ENV.put("secret", "WERKRAUM_SECRET");
    ENV.put("cluster", "WERKRAUM_CLUSTER");
    ENV.put("clusterName", "WERKRAUM_CLUSTER_NAME");
    ENV.put("clusterHost", "WERKRAUM_CLUSTER_HOST");
    ENV.put("clusterPort", "WERKRAUM_CLUSTER_PORT");
    ENV.put("clusterMembers", "WERKRAUM_CLUSTER_MEMBERS");
    ENV.put("httpInstances", "WERKRAUM_HTTP_INSTANCES");
    ENV.put("retentionDays", "WERKRAUM_RETENTION_DAYS");
    ENV.put("maxRetentionDays", "WERKRAUM_MAX_RETENTION_DAYS");
    ENV.put("auditRetentionDays", "WERKRAUM_AUDIT_RETENTION_DAYS");
    ENV.put("retentionSweepSeconds", "WERKRAUM_RETENTION_SWEEP_SECONDS");
    ENV.put("privacyUrl", "WERKRAUM_PRIVACY_URL");
    ENV.put("operatorName", "WERKRAUM_OPERATOR_NAME");
    ENV.put("operatorContact", "WERKRAUM_OPERATOR_CONTACT");
    ENV.put("accessibilityUrl", "WERKRAUM_ACCESSIBILITY_URL");
    ENV.put("accessibilityContactEmail", "WERKRAUM_ACCESSIBILITY_CONTACT_EMAIL");
    ENV.put("accessibilityContactUrl", "WERKRAUM_ACCESSIBILITY_CONTACT_URL");
    ENV.put("accessibilityContactAddress", "WERKRAUM_ACCESSIBILITY_CONTACT_ADDRESS");
    ENV.put("anonymityThreshold", "WERKRAUM_ANONYMITY_THRESHOLD");
    ENV.put("metrics", "WERKRAUM_METRICS");
    ENV.put("metricsPort", "WERKRAUM_METRICS_PORT");
    ENV.put("oidcIssuer", "WERKRAUM_OIDC_ISSUER");
    ENV.put("oidcClientId", "WERKRAUM_OIDC_CLIENT_ID");
    ENV.put("oidcClientSecret", "WERKRAUM_OIDC_CLIENT_SECRET");
    ENV.put("signInRequired", "WERKRAUM_SIGN_IN_REQUIRED");
    ENV.put("signInMinutes", "WERKRAUM_SIGN_IN_MINUTES");
    ENV.put("timeZone", "WERKRAUM_TIME_ZONE");
  }

  private ConfigLoader() {}

  public static WerkraumConfig load(String[] args, Map<String, String> env) {
    Map<String, String> flags = parseFlags(args);
    Map<String, Object> values = new LinkedHashMap<>();
    String file = flags.getOrDefault("config", env.get("WERKRAUM_CONFIG"));
    if (file != null) {
      values.putAll(readFile(Path.of(file)));
    }
    ENV.forEach((name, variable) -> {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        values.put(name, value);
      }
    });
    flags.forEach((name, value) -> {
      if (!name.equals("config")) {
        if (!ENV.containsKey(name)) {
          throw new IllegalArgumentException("unknown option --" + name);
        }
        values.put(name, value);
      }
    });
    return build(values);
  }

  private static WerkraumConfig build(Map<String, Object> v) {
    int cores = Runtime.getRuntime().availableProcessors();
    String redisType = text(v, "redisType", "standalone");
    if (!List.of("standalone", "sentinel", "cluster").contains(redisType)) {
      throw new IllegalArgumentException("redisType must be standalone, sentinel or cluster");
    }
    String fsync = text(v, "redisFsync", "always");
    if (!List.of("always", "everysec").contains(fsync)) {
      throw new IllegalArgumentException("redisFsync must be always or everysec");
    }
    String publicUrl = text(v, "publicUrl", null);
    int retentionDays = positive(v, "retentionDays", 90);
    int maxRetentionDays = positive(v, "maxRetentionDays", retentionDays);
    String privacyUrl = webAddress(v, "privacyUrl");
    int anonymityThreshold = integer(v, "anonymityThreshold", 3);
    if (anonymityThreshold < 2) {
      // With 1, an organisation of one person would show how that person voted.
      throw new IllegalArgumentException("anonymityThreshold must be at least 2");
    }
    int port = integer(v, "port", 8080);
    boolean metrics = bool(v, "metrics", true);
    int metricsPort = integer(v, "metricsPort", 9464);
    if (metrics && metricsPort == port) {
      throw new IllegalArgumentException("metricsPort must differ from port: /metrics has a port of its own");
    }
    return new WerkraumConfig(
        text(v, "host", "127.0.0.1"),
        port,
        publicUrl == null ? null : publicUrl.replaceAll("/+$", ""),
        list(v, "allowedOrigins"),
        Path.of(text(v, "dataDir", "data")),
        text(v, "redisUrl", null),
        redisType,
        text(v, "redisMasterName", "mymaster"),
        fsync,
        text(v, "secret", null),
        bool(v, "cluster", false),
        text(v, "clusterName", "werkraum"),
        text(v, "clusterHost", "127.0.0.1"),
        integer(v, "clusterPort", 5701),
        list(v, "clusterMembers"),
        integer(v, "httpInstances", Math.max(1, cores)),
        new WerkraumConfig.Retention(Math.min(retentionDays, maxRetentionDays), maxRetentionDays,
            positive(v, "auditRetentionDays", 365), positive(v, "retentionSweepSeconds", 300)),
        privacyUrl,
        given(v, "operatorName"),
        given(v, "operatorContact"),
        accessibility(v),
        anonymityThreshold,
        metrics,
        metricsPort,
        signIn(v),
        zone(v));
  }

  /** The exports' time zone: an IANA zone id (Europe/Berlin), checked here so a typo stops the start. */
  private static ZoneId zone(Map<String, Object> v) {
    String id = text(v, "timeZone", "Europe/Berlin").trim();
    try {
      return ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("timeZone must be a time zone such as Europe/Berlin, not '" + id + "'");
    }
  }

  private static WerkraumConfig.Accessibility accessibility(Map<String, Object> v) {
    String email = given(v, "accessibilityContactEmail");
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("accessibilityContactEmail must be an e-mail address, not '" + email + "'");
    }
    return new WerkraumConfig.Accessibility(webAddress(v, "accessibilityUrl"), email, webAddress(v, "accessibilityContactUrl"),
        given(v, "accessibilityContactAddress"));
  }

  /** An optional http or https URL, linked from a page. */
  private static String webAddress(Map<String, Object> v, String name) {
    String url = given(v, name);
    if (url != null && !url.matches("https?://[^\\s]+")) {
      throw new IllegalArgumentException(name + " must be an http or https URL, not '" + url + "'");
    }
    return url;
  }

  /** Sign-in when an issuer is given; requiring it without one is a mistake, not a silent no. */
  private static SignInConfig signIn(Map<String, Object> v) {
    String issuer = text(v, "oidcIssuer", null);
    boolean required = bool(v, "signInRequired", false);
    if (issuer == null || issuer.isBlank()) {
      if (required) {
        throw new IllegalArgumentException("signInRequired needs oidcIssuer and oidcClientId");
      }
      return null;
    }
    String clientId = text(v, "oidcClientId", null);
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("oidcIssuer needs oidcClientId");
    }
    String secret = text(v, "oidcClientSecret", null);
    int minutes = integer(v, "signInMinutes", 480);
    if (minutes < 1) {
      throw new IllegalArgumentException("signInMinutes must be at least 1");
    }
    return new SignInConfig(issuer.replaceAll("/+$", ""), clientId, secret == null || secret.isBlank() ? null : secret,
        required, minutes);
  }

  /** {@code --name value}, {@code --name=value}, and bare {@code --cluster}. */
  private static Map<String, String> parseFlags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      String name = arg.substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        flags.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (name.equals("cluster")) {
        flags.put(name, "true");
      } else if (i + 1 < args.length) {
        flags.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
    }
    return flags;
  }

  private static Map<String, Object> readFile(Path file) {
    try {
      return new JsonObject(Files.readString(file)).getMap();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(Map<String, Object> v, String name, String fallback) {
    Object value = v.get(name);
    return value == null ? fallback : value.toString();
  }

  /** A text setting that may be left out; blank counts as not given. */
  private static String given(Map<String, Object> v, String name) {
    String value = text(v, name, null);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int integer(Map<String, Object> v, String name, int fallback) {
    Object value = v.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static int positive(Map<String, Object> v, String name, int fallback) {
    int value = integer(v, name, fallback);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
    return value;
  }

  private static boolean bool(Map<String, Object> v, String name, boolean fallback) {
    Object value = v.get(name);
    if (value == null) {
      return fallback;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    }
    return text.equals("true");
  }

  /** A JSON array in the file, or a comma-separated list elsewhere. */
  private static List<String> list(Map<String, Object> v, String name) {
    Object value = v.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> items) {
      return items.stream().map(Object::toString).toList();
    }
    if (value instanceof JsonArray array) {
      return array.stream().map(Object::toString).toList();
    }
    return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
