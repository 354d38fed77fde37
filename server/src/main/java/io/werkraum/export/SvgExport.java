package io.werkraum.export;

import java.util.Map;

/**
 * A picture of one room as it looks on the board, as a standalone SVG 1.1 document. All user
 * text is XML-escaped; text is wrapped into {@code <tspan>} lines exactly as in the PNG.
 */
public final class SvgExport {
  /** The widest the SVG's nominal size is (it scales freely anyway). */
  public static final double MAX_WIDTH = 2400;
  public static final double MAX_HEIGHT = 2400;

  private SvgExport() {}

  /** The room with the vote counts of its last closed round. */
  public static String write(BoardDocument doc, String roomId) {
    BoardDocument.Room room = RoomPicture.room(doc, roomId);
    return write(room, RoomPicture.votes(RoomPicture.lastClosedRound(doc, roomId)));
  }

  /** The room with the given votes per note (null for no badges). */
  public static String write(BoardDocument.Room room, Map<String, Integer> votes) {
    return write(RoomPicture.of(room, votes, MAX_WIDTH, MAX_HEIGHT, 1.0));
  }

  public static String write(RoomPicture pic) {
    StringBuilder sb = new StringBuilder(256 + pic.notes().size() * 400);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(pic.width())
        .append("\" height=\"").append(pic.height()).append("\" viewBox=\"")
        .append(num(pic.originX())).append(' ').append(num(pic.originY())).append(' ')
        .append(num(pic.boardWidth())).append(' ').append(num(pic.boardHeight()))
        .append("\" font-family=\"'DejaVu Sans', Verdana, sans-serif\">\n");
    sb.append("<title>").append(escape(ExportFonts.printable(pic.roomName(), null))).append("</title>\n");
    sb.append("<rect x=\"").append(num(pic.originX())).append("\" y=\"").append(num(pic.originY()))
        .append("\" width=\"").append(num(pic.boardWidth())).append("\" height=\"").append(num(pic.boardHeight()))
        .append("\" fill=\"").append(RoomPicture.CANVAS).append("\"/>\n");

    sb.append("<g class=\"sections\">\n");
    for (RoomPicture.SectionBox s : pic.sections()) {
      sb.append("<g class=\"section\">");
      sb.append("<rect x=\"").append(num(s.x())).append("\" y=\"").append(num(s.y())).append("\" width=\"")
          .append(num(s.w())).append("\" height=\"").append(num(s.h())).append("\" rx=\"8\" fill=\"")
          .append(RoomPicture.SECTION_FILL).append("\" fill-opacity=\"").append(RoomPicture.SECTION_FILL_OPACITY)
          .append("\" stroke=\"").append(RoomPicture.SECTION_STROKE).append("\" stroke-width=\"2\"/>");
      double bar = Math.min(RoomPicture.SECTION_BAR_HEIGHT, s.h());
      sb.append("<rect x=\"").append(num(s.x() + 1)).append("\" y=\"").append(num(s.y() + 1))
          .append("\" width=\"").append(num(Math.max(0, s.w() - 2))).append("\" height=\"")
          .append(num(Math.max(0, bar - 1))).append("\" rx=\"6\" fill=\"").append(RoomPicture.SECTION_BAR)
          .append("\"/>");
      if (!s.title().isEmpty()) {
        sb.append("<text x=\"").append(num(s.x() + RoomPicture.PAD_SIDE)).append("\" y=\"")
            .append(num(s.y() + bar / 2 + RoomPicture.SECTION_TITLE_SIZE * 0.36)).append("\" font-size=\"")
            .append(num(RoomPicture.SECTION_TITLE_SIZE)).append("\" font-weight=\"bold\" fill=\"")
            .append(RoomPicture.TEXT).append("\">").append(escape(s.title())).append("</text>");
      }
      sb.append("</g>\n");
    }
    sb.append("</g>\n<g class=\"notes\">\n");
    for (RoomPicture.NoteBox n : pic.notes()) {
      sb.append("<g class=\"note\">");
      sb.append("<rect x=\"").append(num(n.x())).append("\" y=\"").append(num(n.y())).append("\" width=\"")
          .append(num(n.w())).append("\" height=\"").append(num(n.h())).append("\" rx=\"4\" fill=\"")
          .append(n.fill()).append("\" stroke=\"").append(RoomPicture.NOTE_STROKE).append("\"/>");
      if (!n.lines().isEmpty()) {
        double x = n.x() + RoomPicture.PAD_SIDE;
        sb.append("<text font-size=\"").append(num(RoomPicture.TEXT_SIZE)).append("\" fill=\"")
            .append(RoomPicture.TEXT).append("\">");
        double y = n.y() + RoomPicture.PAD_TOP + RoomPicture.TEXT_SIZE;
        for (String line : n.lines()) {
          sb.append("<tspan x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\">")
              .append(escape(line)).append("</tspan>");
          y += RoomPicture.LINE_HEIGHT;
        }
        sb.append("</text>");
      }
      if (!n.author().isEmpty()) {
        sb.append("<text x=\"").append(num(n.x() + RoomPicture.PAD_SIDE)).append("\" y=\"")
            .append(num(n.y() + n.h() - RoomPicture.PAD_BOTTOM - RoomPicture.AUTHOR_SIZE * 0.3))
            .append("\" font-size=\"").append(num(RoomPicture.AUTHOR_SIZE)).append("\" fill=\"")
            .append(RoomPicture.AUTHOR).append("\">").append(escape(n.author())).append("</text>");
      }
      if (n.votes() != null) {
        double cx = n.x() + n.w() - 4;
        double cy = n.y() + 4;
        sb.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
            .append(num(RoomPicture.BADGE_RADIUS)).append("\" fill=\"").append(RoomPicture.BADGE).append("\"/>")
            .append("<text x=\"").append(num(cx)).append("\" y=\"")
            .append(num(cy + RoomPicture.BADGE_TEXT_SIZE * 0.36)).append("\" font-size=\"")
            .append(num(RoomPicture.BADGE_TEXT_SIZE)).append("\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"")
            .append(RoomPicture.BADGE_TEXT).append("\">").append(n.votes()).append("</text>");
      }
      sb.append("</g>\n");
    }
    sb.append("</g>\n</svg>\n");
    return sb.toString();
  }

  /** XML-escapes text for element content and attribute values, dropping what XML 1.0 forbids. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
              || c == 0xFFFE || c == 0xFFFF) {
            // not allowed in XML 1.0: dropped
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A number with at most two decimals, '.' as separator. */
  static String num(double v) {
    long hundredths = Math.round(v * 100);
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    String sign = hundredths < 0 ? "-" : "";
    long a = Math.abs(hundredths);
    long frac = a % 100;
    return sign + (a / 100) + "." + (frac < 10 ? "0" + frac : (frac % 10 == 0 ? Long.toString(frac / 10) : Long.toString(frac)));
  }
}
