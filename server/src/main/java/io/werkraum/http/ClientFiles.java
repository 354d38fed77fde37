package io.werkraum.http;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The client build: every file of the web client ({@code webroot/} on the classpath), read once
 * at start, and its version, one hash over all their names and contents. Assets are served under
 * {@code /v/<version>/}, so a changed file has a new URL: browsers may keep assets for a year
 * without asking again, and a page of one build never loads a file of another. ES modules import
 * each other relatively and so inherit the prefix of the page's script tag.
 */
public final class ClientFiles {
  private static final String ROOT = "webroot";
  /** A root-relative {@code href} or {@code src} in a page: the candidates for the versioned prefix. */
  private static final Pattern REFERENCE = Pattern.compile("(href|src)=\"/([^\"?#]+)\"");

  /** Path below webroot ({@code js/board-page.js}) -> content. */
  private final Map<String, byte[]> files;
  private final String version;

  private ClientFiles(Map<String, byte[]> files) {
    this.files = files;
    this.version = hash(files);
  }

  /** The web client on the classpath: a folder in development, a folder inside the jar in production. */
  public static ClientFiles fromClasspath() {
    URL marker = ClientFiles.class.getClassLoader().getResource(ROOT + "/index.html");
    if (marker == null) {
      throw new IllegalStateException("the web client (" + ROOT + "/ on the classpath) is missing");
    }
    try {
      URI uri = marker.toURI();
      if (!uri.getScheme().equals("jar")) {
        return read(Path.of(uri).getParent());
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return read(jar.getPath("/" + ROOT));
      } catch (FileSystemAlreadyExistsException opened) {
        // Something else in this JVM opened the jar as a file system first: read through that one.
        return read(Path.of(uri).getParent());
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the web client at " + marker, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web client at " + marker, e);
    }
  }

  /** Every file below {@code root}. */
  static ClientFiles read(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"),
            Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web client in " + root, e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("the web client in " + root + " has no files");
    }
    return new ClientFiles(files);
  }

  /** The build's version: the same files give the same one on every node. */
  public String version() {
    return version;
  }

  /** The path every asset of this build is served under. */
  String prefix() {
    return "/v/" + version + "/";
  }

  /** An asset of this build ({@code css/app.css}), or null: none by that name, or a page (served by its route). */
  byte[] asset(String path) {
    return isPage(path) ? null : files.get(path);
  }

  /** A page ({@code board.html}) with every reference to an asset of this build under {@link #prefix()}. */
  Buffer page(String name) {
    byte[] page = files.get(name);
    if (page == null || !isPage(name)) {
      throw new IllegalArgumentException("no page " + name + " in the web client");
    }
    Matcher reference = REFERENCE.matcher(new String(page, StandardCharsets.UTF_8));
    StringBuilder rewritten = new StringBuilder();
    while (reference.find()) {
      String target = reference.group(2);
      String replacement = asset(target) == null ? reference.group() : reference.group(1) + "=\"" + prefix() + target + "\"";
      reference.appendReplacement(rewritten, Matcher.quoteReplacement(replacement));
    }
    reference.appendTail(rewritten);
    return Buffer.buffer(rewritten.toString());
  }

  private static boolean isPage(String path) {
    return path.endsWith(".html");
  }

  /** SHA-256 over each file's name and content, in name order; 16 hex digits are plenty to tell builds apart. */
  private static String hash(Map<String, byte[]> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach((name, content) -> {
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        // Lengths first, so no two different sets of files hash the same bytes.
        digest.update(ByteBuffer.allocate(12).putInt(path.length).putLong(content.length).array());
        digest.update(path);
        digest.update(content);
      });
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
