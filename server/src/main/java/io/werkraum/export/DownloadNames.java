package io.werkraum.export;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names of downloaded files: {@code <title>-<Live | Stand-<snapshot>>-<date>-<time>[-<room>].<ext>},
 * the time in the board's zone, so a snapshot is told from the live board and a room's picture
 * by the room's name. Names keep their letters (umlauts too) but nothing a file system or a
 * path could take as more than a name, and stay short; the Content-Disposition header carries
 * them as RFC 6266 asks, with an ASCII fallback for old clients.
 */
final class DownloadNames {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);
  private static final int TITLE_MAX = 60;
  private static final int PART_MAX = 40;
  /** RFC 5987 attr-char besides letters and digits: what filename* carries unencoded. */
  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private DownloadNames() {}

  /**
   * @param roomName the room a picture shows, by its name; null for the whole board
   * @param extension without the dot
   */
  static String of(BoardDocument doc, String roomName, ReportLabels labels, ZoneId zone, String extension) {
    List<String> parts = new ArrayList<>();
    String title = part(doc.title(), TITLE_MAX);
    parts.add(title.isEmpty() ? "Werkraum" : title);
    if (doc.snapshot() != null) {
      String name = part(doc.snapshot().name(), PART_MAX);
      parts.add(labels.snapshot() + (name.isEmpty() ? "" : "-" + name));
    } else {
      parts.add(labels.live());
    }
    long at = doc.snapshot() != null ? doc.snapshot().takenAt() : doc.exportedAt();
    parts.add(WHEN.format(Instant.ofEpochMilli(at).atZone(zone)));
    if (roomName != null) {
      String room = part(roomName, PART_MAX);
      if (!room.isEmpty()) {
        parts.add(room);
      }
    }
    return String.join("-", parts) + "." + extension;
  }

  /**
   * Text as part of a file name: letters, digits and the dashes and dots between words; white
   * space, path and reserved characters ({@code / \ : * ? " < > |}), control characters and
   * anything else become one hyphen; at most {@code max} characters, never a leading dot.
   */
  static String part(String text, int max) {
    if (text == null) {
      return "";
    }
    String kept = Normalizer.normalize(text, Normalizer.Form.NFC)
        .replaceAll("[^\\p{L}\\p{N}\\p{M}.–—_-]+", "-")
        .replaceAll("-{2,}", "-")
        .replaceAll("(^[-.]+|[-.]+$)", "");
    if (kept.codePointCount(0, kept.length()) > max) {
      kept = kept.substring(0, kept.offsetByCodePoints(0, max)).replaceAll("[-.]+$", "");
    }
    return kept;
  }

  /** The name in ASCII for clients that ignore filename*: Übergänge -> uebergaenge, German style. */
  static String ascii(String name) {
    String german = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
        .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss");
    int dot = german.lastIndexOf('.');
    String base = dot < 0 ? german : german.substring(0, dot);
    String extension = dot < 0 ? "" : german.substring(dot);
    String plain = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
    return (plain.isEmpty() ? "werkraum" : plain) + extension.replaceAll("[^A-Za-z0-9.]", "");
  }

  /** {@code attachment} with both names (RFC 6266 section 4.3; filename* as RFC 5987 UTF-8). */
  static String contentDisposition(String name) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded;
  }
}
