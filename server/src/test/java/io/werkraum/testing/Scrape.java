package io.werkraum.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a node's {@code GET /metrics}, read as Prometheus reads the text format: each
 * sample line is a name, its labels and a value.
 */
public final class Scrape {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final String contentType;
  private final List<Sample> samples = new ArrayList<>();

  private Scrape(String text, String contentType) {
    this.text = text;
    this.contentType = contentType;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new IllegalStateException("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher label = LABEL.matcher(m.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
    }
  }

  /** Scrapes {@code http://127.0.0.1:<port>/metrics}; fails unless it answers 200. */
  public static Scrape of(int port) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("scrape answered " + response.statusCode() + ": " + response.body());
      }
      return new Scrape(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    } catch (Exception e) {
      throw new IllegalStateException("cannot scrape port " + port, e);
    }
  }

  /** The size in bytes of a scrape asked for with {@code Accept-Encoding: gzip}, as Prometheus asks; fails unless gzipped. */
  public static int gzippedBytes(int port) {
    try {
      HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = response.body();
      boolean gzipped = "gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))
          && body.length > 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
      if (response.statusCode() != 200 || !gzipped) {
        throw new IllegalStateException("no gzipped scrape: " + response.statusCode() + " " + response.headers().map());
      }
      return body.length;
    } catch (Exception e) {
      throw new IllegalStateException("cannot scrape port " + port, e);
    }
  }

  public String contentType() {
    return contentType;
  }

  /** The size of the scrape in bytes, as sent (UTF-8). */
  public int bytes() {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Every metric name with at least one sample. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  /** Every series, as name and labels (values left out), to compare what two scrapes hold. */
  public Set<String> series() {
    Set<String> series = new TreeSet<>();
    samples.forEach(s -> series.add(s.name() + s.labels()));
    return series;
  }

  /** The samples of a name whose labels include {@code labels}. */
  public List<Sample> samples(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /** The sum of the matching samples; 0 when there is none (a counter not yet counted). */
  public double value(String name, Map<String, String> labels) {
    return samples(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  public double value(String name) {
    return value(name, Map.of());
  }

  @Override
  public String toString() {
    return text;
  }
}
