package io.werkraum.export;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every picture and report is drawn with: DejaVu Sans, shipped with the server
 * (resources {@code fonts/}, license in {@code fonts/DejaVu-LICENSE.txt}), so exports look the same
 * on a fresh machine without any system fonts, and umlauts, ß, Greek and Cyrillic render.
 */
final class ExportFonts {
  static final String REGULAR = "/fonts/DejaVuSans.ttf";
  static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

  private static volatile Font regular;
  private static volatile Font bold;

  private ExportFonts() {}

  static InputStream open(String resource) {
    InputStream in = ExportFonts.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("font missing from the server: " + resource);
    }
    return in;
  }

  /** The regular face for Java2D (size 1; derive the size you need). */
  static Font regular() {
    Font f = regular;
    if (f == null) {
      f = regular = load(REGULAR);
    }
    return f;
  }

  static Font bold() {
    Font f = bold;
    if (f == null) {
      f = bold = load(BOLD);
    }
    return f;
  }

  private static Font load(String resource) {
    ensureHeadless();
    try (InputStream in = open(resource)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("bad font " + resource, e);
    }
  }

  /** The server has no display: make sure Java2D never looks for one. */
  static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Text as a font can show it: control characters (but line breaks) and lone surrogates
   * dropped, tabs as spaces, characters the font lacks as '?'.
   */
  static String printable(String text, Font font) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        sb.append('\n');
      } else if (cp == '\t') {
        sb.append(' ');
      } else if (cp == '\r' || Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
          || cp == 0xFFFE || cp == 0xFFFF) {
        // dropped
      } else if (font != null && !font.canDisplay(cp)) {
        sb.append('?');
      } else {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }
}
