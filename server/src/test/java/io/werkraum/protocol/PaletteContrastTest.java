package io.werkraum.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 contrast (1.4.3, AA: 4.5:1 for text) of what is written on notes, on every note colour:
 * the note text (the palette promises 7:1, AAA) and the author line under it.
 */
class PaletteContrastTest {

  @Test
  void noteTextReachesSevenToOneOnEveryColour() {
    for (Palette p : Palette.values()) {
      double ratio = contrast(Palette.TEXT, p.fill());
      assertTrue(ratio >= 7.0, p.wire() + ": " + ratio);
    }
  }

  @Test
  void theAuthorLineReachesFourAndAHalfToOneOnEveryColour() throws IOException {
    String author = cssColour(".note__author");
    for (Palette p : Palette.values()) {
      double ratio = contrast(author, p.fill());
      assertTrue(ratio >= 4.5, p.wire() + ": author " + author + " at " + ratio);
    }
  }

  /** The `color` of the first rule for {@code selector} in the client's stylesheet. */
  private static String cssColour(String selector) throws IOException {
    try (InputStream in = PaletteContrastTest.class.getResourceAsStream("/webroot/css/app.css")) {
      String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile(Pattern.quote(selector) + "\\s*\\{[^}]*?[^-]color:\\s*(#[0-9a-fA-F]{6})").matcher(css);
      assertTrue(m.find(), "no colour for " + selector);
      return m.group(1);
    }
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
    double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
    double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  private static double channel(int value) {
    double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
