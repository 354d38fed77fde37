package io.werkraum.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A picture of one room as it looks on the board, as PNG, drawn with Java2D (headless) in the
 * shipped DejaVu Sans from the same layout as the SVG.
 */
public final class PngExport {
  public static final double MAX_WIDTH = 2400;
  public static final double MAX_HEIGHT = 2400;
  /** Small rooms are drawn at up to twice the board size, so text stays crisp. */
  public static final double MAX_SCALE = 2.0;

  static {
    ExportFonts.ensureHeadless();
  }

  private PngExport() {}

  /** The room with the vote counts of its last closed round. */
  public static byte[] write(BoardDocument doc, String roomId) {
    BoardDocument.Room room = RoomPicture.room(doc, roomId);
    return write(room, RoomPicture.votes(RoomPicture.lastClosedRound(doc, roomId)));
  }

  /** The room with the given votes per note (null for no badges). */
  public static byte[] write(BoardDocument.Room room, Map<String, Integer> votes) {
    return encode(render(RoomPicture.of(room, votes, MAX_WIDTH, MAX_HEIGHT, MAX_SCALE)));
  }

  public static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Draws a laid-out room into an image of the picture's size. */
  public static BufferedImage render(RoomPicture pic) {
    BufferedImage image = new BufferedImage(pic.width(), pic.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(color(RoomPicture.CANVAS));
      g.fillRect(0, 0, pic.width(), pic.height());
      g.scale(pic.scale(), pic.scale());
      g.translate(-pic.originX(), -pic.originY());
      // Text smaller than about two pixels is unreadable anyway: leave it out of huge rooms.
      boolean drawText = RoomPicture.TEXT_SIZE * pic.scale() >= 2.0;

      Font text = ExportFonts.regular().deriveFont((float) RoomPicture.TEXT_SIZE);
      Font small = ExportFonts.regular().deriveFont((float) RoomPicture.AUTHOR_SIZE);
      Font title = ExportFonts.bold().deriveFont((float) RoomPicture.SECTION_TITLE_SIZE);
      Font badge = ExportFonts.bold().deriveFont((float) RoomPicture.BADGE_TEXT_SIZE);
      Color sectionFill = new Color(255, 255, 255, (int) Math.round(255 * RoomPicture.SECTION_FILL_OPACITY));
      Color sectionStroke = color(RoomPicture.SECTION_STROKE);
      Color sectionBar = color(RoomPicture.SECTION_BAR);
      Color textColor = color(RoomPicture.TEXT);
      Color authorColor = color(RoomPicture.AUTHOR);
      Color noteStroke = color(RoomPicture.NOTE_STROKE);
      Color badgeColor = color(RoomPicture.BADGE);
      Color badgeText = color(RoomPicture.BADGE_TEXT);
      BasicStroke two = new BasicStroke(2f);
      BasicStroke one = new BasicStroke(1f);

      for (RoomPicture.SectionBox s : pic.sections()) {
        RoundRectangle2D r = new RoundRectangle2D.Double(s.x(), s.y(), s.w(), s.h(), 16, 16);
        g.setColor(sectionFill);
        g.fill(r);
        double bar = Math.min(RoomPicture.SECTION_BAR_HEIGHT, s.h());
        g.setColor(sectionBar);
        g.fill(new RoundRectangle2D.Double(s.x() + 1, s.y() + 1, Math.max(0, s.w() - 2), Math.max(0, bar - 1), 12, 12));
        g.setColor(sectionStroke);
        g.setStroke(two);
        g.draw(r);
        if (drawText && !s.title().isEmpty()) {
          g.setFont(title);
          g.setColor(textColor);
          g.drawString(s.title(), (float) (s.x() + RoomPicture.PAD_SIDE),
              (float) (s.y() + bar / 2 + RoomPicture.SECTION_TITLE_SIZE * 0.36));
        }
      }
      Map<String, Color> fills = new java.util.HashMap<>();
      g.setStroke(one);
      for (RoomPicture.NoteBox n : pic.notes()) {
        RoundRectangle2D r = new RoundRectangle2D.Double(n.x(), n.y(), n.w(), n.h(), 8, 8);
        g.setColor(fills.computeIfAbsent(n.fill(), PngExport::color));
        g.fill(r);
        g.setColor(noteStroke);
        g.draw(r);
        if (drawText) {
          java.awt.Shape clip = g.getClip();
          g.clip(r);
          g.setFont(text);
          g.setColor(textColor);
          float x = (float) (n.x() + RoomPicture.PAD_SIDE);
          double y = n.y() + RoomPicture.PAD_TOP + RoomPicture.TEXT_SIZE;
          for (String line : n.lines()) {
            if (!line.isEmpty()) {
              g.drawString(line, x, (float) y);
            }
            y += RoomPicture.LINE_HEIGHT;
          }
          if (!n.author().isEmpty()) {
            g.setFont(small);
            g.setColor(authorColor);
            g.drawString(n.author(), x,
                (float) (n.y() + n.h() - RoomPicture.PAD_BOTTOM - RoomPicture.AUTHOR_SIZE * 0.3));
          }
          g.setClip(clip);
        }
        if (n.votes() != null) {
          double cx = n.x() + n.w() - 4;
          double cy = n.y() + 4;
          double rad = RoomPicture.BADGE_RADIUS;
          g.setColor(badgeColor);
          g.fill(new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad));
          if (drawText) {
            g.setFont(badge);
            g.setColor(badgeText);
            String count = Integer.toString(n.votes());
            double w = RoomPicture.width(count, badge);
            g.drawString(count, (float) (cx - w / 2), (float) (cy + RoomPicture.BADGE_TEXT_SIZE * 0.36));
          }
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  static Color color(String hex) {
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }
}
