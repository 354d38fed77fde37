package io.werkraum.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, then the file, then the environment, then flags; bad values are refused by name. */
class ConfigLoaderTest {
  @Test
  void withNothingGivenItRunsLocallyWithTheEmbeddedRedis() {
    WerkraumConfig c = ConfigLoader.load(new String[0], Map.of());
    assertEquals("127.0.0.1", c.host());
    assertEquals(8080, c.port());
    assertNull(c.publicUrl());
    assertTrue(c.embeddedRedis());
    assertEquals("standalone", c.redisType());
    assertEquals("always", c.redisFsync());
    assertFalse(c.cluster());
    assertEquals(List.of(), c.clusterMembers());
    assertTrue(c.httpInstances() >= 1);
    assertEquals(90, c.retention().boardDays());
    assertNull(c.privacyUrl(), "the built-in privacy statement");
    assertNull(c.operatorName());
    assertNull(c.operatorContact());
    assertEquals(3, c.anonymityThreshold());
    assertTrue(c.metrics(), "metrics on by default");
    assertEquals(9464, c.metricsPort());
  }

  @Test
  void theExportsTimeZoneIsBerlinUnlessSetAndATypoIsRefused() {
    assertEquals(java.time.ZoneId.of("Europe/Berlin"), ConfigLoader.load(new String[0], Map.of()).timeZone());
    assertEquals(java.time.ZoneId.of("Europe/Vienna"),
        ConfigLoader.load(new String[0], Map.of("WERKRAUM_TIME_ZONE", "Europe/Vienna")).timeZone());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(new String[] {"--timeZone", "Europe/Berlinn"}, Map.of()));
    assertTrue(e.getMessage().contains("timeZone"), e.getMessage());
  }

  @Test
  void thePrivacySettings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("werkraum.json");
    Files.writeString(file, "{\"operatorName\": \"Landratsamt Saale-Orla-Kreis\", \"operatorContact\": \" \","
        + " \"anonymityThreshold\": 5, \"retentionDays\": 30}");
    WerkraumConfig c = ConfigLoader.load(new String[] {"--config", file.toString()},
        Map.of("WERKRAUM_PRIVACY_URL", "https://www.example.org/datenschutz", "WERKRAUM_OPERATOR_CONTACT", "datenschutz@example.org"));
    assertEquals("https://www.example.org/datenschutz", c.privacyUrl());
    assertEquals("Landratsamt Saale-Orla-Kreis", c.operatorName());
    assertEquals("datenschutz@example.org", c.operatorContact(), "the environment over a blank in the file");
    assertEquals(5, c.anonymityThreshold());
    assertEquals(30, c.retention().boardDays());
  }

  @Test
  void theAccessibilityStatementsContactIsTheOperatorsToGive(@TempDir Path dir) throws Exception {
    WerkraumConfig.Accessibility none = ConfigLoader.load(new String[0], Map.of()).accessibility();
    assertEquals(new WerkraumConfig.Accessibility(null, null, null, null), none, "the built-in statement, no contact");
    assertTrue(none.lacksContact());

    Path file = dir.resolve("werkraum.json");
    Files.writeString(file, "{\"accessibilityContactAddress\": \"Landratsamt, Oschitzer Str. 4, 07907 Schleiz\","
        + " \"accessibilityContactUrl\": \" \"}");
    WerkraumConfig.Accessibility given = ConfigLoader.load(new String[] {"--config", file.toString(),
        "--accessibilityContactUrl", "https://www.example.org/barriere-melden"},
        Map.of("WERKRAUM_ACCESSIBILITY_CONTACT_EMAIL", " barrierefreiheit@example.org ")).accessibility();
    assertEquals(new WerkraumConfig.Accessibility(null, "barrierefreiheit@example.org",
        "https://www.example.org/barriere-melden", "Landratsamt, Oschitzer Str. 4, 07907 Schleiz"), given);
    assertFalse(given.lacksContact());

    WerkraumConfig.Accessibility own = ConfigLoader.load(new String[0],
        Map.of("WERKRAUM_ACCESSIBILITY_URL", "https://www.example.org/barrierefreiheit")).accessibility();
    assertEquals("https://www.example.org/barrierefreiheit", own.statementUrl());
    assertFalse(own.lacksContact(), "the operator's own statement names its own contact");
  }

  @Test
  void metricsCanBeSwitchedOffOrMovedToAnotherPort() {
    assertFalse(ConfigLoader.load(new String[] {"--metrics", "false"}, Map.of()).metrics());
    assertEquals(9100, ConfigLoader.load(new String[0], Map.of("WERKRAUM_METRICS_PORT", "9100")).metricsPort());
    WerkraumConfig off = ConfigLoader.load(new String[] {"--metrics", "false", "--metricsPort", "8080"}, Map.of());
    assertFalse(off.metrics(), "no management port is opened, so it may be any number");
  }

  @Test
  void flagsWinOverTheEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("werkraum.json");
    Files.writeString(file, "{\"port\": 7000, \"host\": \"0.0.0.0\", \"clusterMembers\": [\"10.0.0.1:5701\", \"10.0.0.2:5701\"],"
        + " \"publicUrl\": \"https://werkraum.example.org//\"}");
    WerkraumConfig c = ConfigLoader.load(new String[] {"--config", file.toString(), "--port=9090", "--cluster"},
        Map.of("WERKRAUM_PORT", "8081", "WERKRAUM_HOST", "127.0.0.2", "REDIS_URL", "redis://a:1,redis://b:2",
            "WERKRAUM_REDIS_TYPE", "sentinel"));
    assertEquals(9090, c.port(), "the flag");
    assertEquals("127.0.0.2", c.host(), "the environment over the file");
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5701"), c.clusterMembers(), "the file's list");
    assertEquals("https://werkraum.example.org", c.publicUrl(), "without trailing slashes");
    assertTrue(c.cluster());
    assertFalse(c.embeddedRedis());
    assertEquals("sentinel", c.redisType());
  }

  @Test
  void aCommaSeparatedListFromTheEnvironment() {
    WerkraumConfig c = ConfigLoader.load(new String[0],
        Map.of("WERKRAUM_ALLOWED_ORIGINS", " https://a.example , ,https://b.example"));
    assertEquals(List.of("https://a.example", "https://b.example"), c.allowedOrigins());
  }

  @Test
  void badInputIsRefusedNamingWhatIsWrong() {
    assertMessage("unknown option --colour", new String[] {"--colour", "blue"}, Map.of());
    assertMessage("needs a value", new String[] {"--port"}, Map.of());
    assertMessage("unexpected argument", new String[] {"port"}, Map.of());
    assertMessage("port must be a whole number", new String[0], Map.of("WERKRAUM_PORT", "acht"));
    assertMessage("redisType must be", new String[0], Map.of("WERKRAUM_REDIS_TYPE", "memcached"));
    assertMessage("redisFsync must be", new String[] {"--redisFsync", "never"}, Map.of());
    assertMessage("privacyUrl must be an http or https URL", new String[] {"--privacyUrl", "javascript:alert(1)"}, Map.of());
    assertMessage("accessibilityContactEmail must be an e-mail address", new String[0],
        Map.of("WERKRAUM_ACCESSIBILITY_CONTACT_EMAIL", "Frau Berger"));
    assertMessage("accessibilityContactUrl must be an http or https URL", new String[] {"--accessibilityContactUrl", "www.example.org"},
        Map.of());
    assertMessage("accessibilityUrl must be an http or https URL", new String[] {"--accessibilityUrl", "/barrierefreiheit"},
        Map.of());
    assertMessage("anonymityThreshold must be at least 2", new String[] {"--anonymityThreshold", "1"}, Map.of());
    assertMessage("retentionDays must be at least 1", new String[0], Map.of("WERKRAUM_RETENTION_DAYS", "0"));
    assertMessage("cannot read config file", new String[] {"--config", "/no/such/file.json"}, Map.of());
    assertMessage("metrics must be true or false", new String[0], Map.of("WERKRAUM_METRICS", "ja"));
    assertMessage("cluster must be true or false", new String[0], Map.of("WERKRAUM_CLUSTER", "yes"));
    assertMessage("metricsPort must differ from port", new String[] {"--port", "9000", "--metricsPort", "9000"}, Map.of());
    assertMessage("signInRequired needs oidcIssuer", new String[] {"--signInRequired", "true"}, Map.of());
    assertMessage("oidcIssuer needs oidcClientId", new String[0], Map.of("WERKRAUM_OIDC_ISSUER", "https://id.example/realms/x"));
    assertMessage("signInMinutes must be at least 1", new String[0], Map.of("WERKRAUM_OIDC_ISSUER", "https://id.example",
        "WERKRAUM_OIDC_CLIENT_ID", "werkraum", "WERKRAUM_SIGN_IN_MINUTES", "0"));
  }

  @Test
  void signInIsOffUnlessAnIssuerIsGivenAndAPublicClientNeedsNoSecret() {
    assertNull(ConfigLoader.load(new String[0], Map.of()).signIn());
    SignInConfig signIn = ConfigLoader.load(new String[] {"--signInRequired", "true"},
        Map.of("WERKRAUM_OIDC_ISSUER", "https://id.example/realms/stadt/", "WERKRAUM_OIDC_CLIENT_ID", "werkraum")).signIn();
    assertEquals(new SignInConfig("https://id.example/realms/stadt", "werkraum", null, true, 480), signIn);
  }

  private static void assertMessage(String expected, String[] args, Map<String, String> env) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(args, env));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
