package io.werkraum.testing;

import io.werkraum.store.EmbeddedRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OpenID Connect provider for the sign-in tests: Keycloak's distribution (from Maven
 * Central, a test dependency of the server module) in dev mode on 127.0.0.1 and a free port, with
 * the realm {@code werkraum} of {@code keycloak/werkraum-realm.json}: the confidential client
 * {@code werkraum} (PKCE S256 enforced, any redirect to 127.0.0.1) and two people, Anna Beispiel and
 * Bert Muster.
 *
 * <p>It is unpacked once into {@code ~/.cache/werkraum/keycloak-<version>} and started once per
 * test JVM, shared by the classes that use it (it takes a while to start), and stopped when the JVM
 * ends. Keycloak 26 needs Java 21 or newer: the JDK is {@code WERKRAUM_KEYCLOAK_JAVA_HOME}, else
 * the newest one of at least 21 under {@code /usr/lib/jvm} (the test command installs one when
 * there is none).
 */
public final class Keycloak {
  public static final String REALM = "werkraum";
  public static final String CLIENT_ID = "werkraum";
  public static final String CLIENT_SECRET = "werkraum-test-secret";
  public static final Person ANNA = new Person("anna", "anna-password", "Anna Beispiel", "anna@example.org");
  public static final Person BERT = new Person("bert", "bert-password", "Bert Muster", "bert@example.org");

  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
  private static Keycloak shared;

  private final Process process;
  private final int port;

  /** Someone with an account at the provider. */
  public record Person(String username, String password, String name, String email) {}

  private Keycloak(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The JVM's Keycloak, started on first use. */
  public static synchronized Keycloak shared() {
    if (shared == null) {
      shared = start();
      Keycloak started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "keycloak-stop"));
    }
    return shared;
  }

  /** The issuer URL of the test realm. */
  public String issuer() {
    return "http://127.0.0.1:" + port + "/realms/" + REALM;
  }

  /** The settings a Werkraum node needs to sign in here, as environment variables. */
  public Map<String, String> nodeEnv(boolean signInRequired) {
    return Map.of(
        "WERKRAUM_OIDC_ISSUER", issuer(),
        "WERKRAUM_OIDC_CLIENT_ID", CLIENT_ID,
        "WERKRAUM_OIDC_CLIENT_SECRET", CLIENT_SECRET,
        "WERKRAUM_SIGN_IN_REQUIRED", Boolean.toString(signInRequired));
  }

  private static Keycloak start() {
    Path home = unpacked();
    Path javaHome = java21();
    int port = EmbeddedRedis.freePort();
    try {
      Path imports = Files.createDirectories(home.resolve("data/import"));
      try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/werkraum-realm.json")) {
        Path temp = Files.createTempFile(imports, "realm", ".tmp");
        Files.copy(realm, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, imports.resolve("werkraum-realm.json"), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
      Path log = Files.createDirectories(Path.of("target")).resolve("keycloak-" + port + ".log");
      // dev-mem: a database in memory, so every start has just the imported realm.
      ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
          "--http-host", "127.0.0.1", "--http-port", Integer.toString(port), "--import-realm", "--db", "dev-mem",
          "--http-management-port", Integer.toString(EmbeddedRedis.freePort())))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", javaHome.toString());
      builder.environment().put("JAVA_OPTS_APPEND", "-Xmx768m");
      Process process = builder.start();
      Keycloak keycloak = new Keycloak(process, port);
      HttpClient http = HttpClient.newHttpClient();
      URI discovery = URI.create(keycloak.issuer() + "/.well-known/openid-configuration");
      Await.until("Keycloak answers at " + discovery, START_TIMEOUT, Duration.ofMillis(500), () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("Keycloak exited (" + process.exitValue() + "); see " + log.toAbsolutePath());
        }
        return answers(http, discovery);
      }, () -> "log " + log.toAbsolutePath());
      return keycloak;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean answers(HttpClient http, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  /**
   * The distribution, unpacked once (several test JVMs may ask at once: a file lock lets one
   * unpack, into a folder renamed into place when whole).
   */
  private static Path unpacked() {
    String version = System.getProperty("werkraum.keycloak.version");
    String zip = System.getProperty("werkraum.keycloak.zip");
    if (version == null || zip == null || !Files.isRegularFile(Path.of(zip))) {
      throw new IllegalStateException("Keycloak's distribution is not known (werkraum.keycloak.zip=" + zip
          + "); run the tests through Maven, which obtains org.keycloak:keycloak-quarkus-dist");
    }
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "werkraum");
    Path home = cache.resolve("keycloak-" + version);
    try {
      Files.createDirectories(cache);
      try (FileChannel lockFile = FileChannel.open(cache.resolve("keycloak.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
          Path partial = Files.createTempDirectory(cache, "keycloak-unpacking");
          unzip(Path.of(zip), partial);
          try (Stream<Path> top = Files.list(partial)) {
            Path root = top.filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("no folder in " + zip));
            Files.move(root, home, StandardCopyOption.ATOMIC_MOVE);
          }
          Files.delete(partial);
        }
      }
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
          if (entry.getName().endsWith(".sh")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
  }

  /** A JDK of at least 21: {@code WERKRAUM_KEYCLOAK_JAVA_HOME}, else the newest under /usr/lib/jvm. */
  static Path java21() {
    String configured = System.getenv("WERKRAUM_KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    try (Stream<Path> candidates = Files.isDirectory(jvms) ? Files.list(jvms) : Stream.empty()) {
      Optional<Path> newest = candidates
          .filter(dir -> Files.isExecutable(dir.resolve("bin/java")) && !Files.isSymbolicLink(dir))
          .filter(dir -> feature(dir) >= 21)
          .max(Comparator.comparingInt(Keycloak::feature));
      return newest.orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21 or newer and there is none"
          + " under /usr/lib/jvm; run the README's test command (infra/test.sh), which installs one, or set"
          + " WERKRAUM_KEYCLOAK_JAVA_HOME"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Java feature version of a JDK folder, from its {@code release} file; 0 when unknown. */
  private static int feature(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
