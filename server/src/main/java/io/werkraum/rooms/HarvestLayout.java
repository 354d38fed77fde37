package io.werkraum.rooms;

import io.werkraum.board.Area;
import io.werkraum.board.Note;
import io.werkraum.board.Section;
import io.werkraum.protocol.Limits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a harvested breakout room lands in the plenary: one section per room titled with its name
 * holding a grid of copies of the room's notes in reading order (top to bottom, left to right),
 * each remembering where it came from. The first harvest puts the section where the facilitator
 * looks: on the free spot nearest to that point, overlapping nothing in the plenary (without such
 * a point, right of everything there); a later one keeps it where it is now and lays the room's
 * notes out in it again: the room is the source, so copies of changed notes are updated, new ones
 * added and copies of notes deleted in the room removed. Section and copy ids are derived from the room and note ids, which
 * is what makes a harvest repeatable. Pure.
 */
public final class HarvestLayout {
  static final double GAP = 200;
  static final double PADDING = 20;
  static final double HEADER = 60;
  static final double COLUMN = Limits.NOTE_WIDTH_DEFAULT + PADDING;
  static final double ROW = Limits.NOTE_HEIGHT_DEFAULT + PADDING;
  static final double MIN_WIDTH = 440;
  static final double MIN_HEIGHT = 320;
  /** The free space kept around a section placed near a point, so it does not touch its neighbours. */
  static final double CLEARANCE = 40;
  private static final String PREFIX = "harvest-";

  /** The room's section, the copies in it and the ids of earlier copies whose notes are gone. */
  public record Harvest(Section section, List<Note> notes, List<String> removed) {}

  /** A point of the plenary (world coordinates): the middle of what the facilitator looks at. */
  public record Point(double x, double y) {}

  private HarvestLayout() {}

  /** The id of a room's harvest section: readable where the room id leaves room for it. */
  public static String sectionId(String room) {
    String readable = PREFIX + room;
    return readable.length() <= 64 ? readable : PREFIX + digest("section\n" + room);
  }

  /** The id of the copy of one of a room's notes, the same at every harvest. */
  public static String copyId(String room, String note) {
    return PREFIX + digest(room + "\n" + note);
  }

  /**
   * @param plenary what the plenary holds now (a new section goes beside all of it; the room's
   *     section and copies from an earlier harvest are found in it)
   * @param source the breakout room's notes
   * @param near where a new section should be centred, if free; null: right of everything
   */
  public static Harvest of(List<? extends Area> plenary, String room, String roomName, List<Note> source,
      Point near, String by, long now) {
    String sectionId = sectionId(room);
    Section earlier = plenary.stream().filter(a -> a instanceof Section s && s.id().equals(sectionId))
        .map(Section.class::cast).findFirst().orElse(null);
    List<Area> others = plenary.stream().filter(a -> !isHarvestOf(a, room)).collect(Collectors.toList());
    List<Note> ordered = new ArrayList<>(source);
    ordered.sort(Comparator.comparingDouble(Note::y).thenComparingDouble(Note::x).thenComparing(Note::id));
    int columns = Math.max(1, (int) Math.ceil(Math.sqrt(ordered.size())));
    int rows = Math.max(1, (int) Math.ceil(ordered.size() / (double) columns));
    double w = Math.max(MIN_WIDTH, PADDING + columns * COLUMN);
    double h = Math.max(MIN_HEIGHT, HEADER + rows * ROW + PADDING);
    Section section;
    if (earlier != null) {
      section = new Section(sectionId, earlier.x(), earlier.y(), Math.max(w, earlier.w()), Math.max(h, earlier.h()),
          roomName, earlier.author(), earlier.createdAt(), now, new Section.Origin(room));
    } else {
      Point spot = near != null ? freeSpotNear(near, w, h, others)
          : new Point((others.isEmpty() ? 0 : others.stream().mapToDouble(a -> a.x() + a.w()).max().orElse(0)) + GAP,
              others.stream().mapToDouble(Area::y).min().orElse(0));
      section = new Section(sectionId, spot.x(), spot.y(), w, h, roomName, by, now, now, new Section.Origin(room));
    }
    List<Note> copies = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Note note = ordered.get(i);
      copies.add(new Note(copyId(room, note.id()), section.x() + PADDING + (i % columns) * COLUMN,
          section.y() + HEADER + (i / columns) * ROW, Limits.NOTE_WIDTH_DEFAULT, Limits.NOTE_HEIGHT_DEFAULT, note.color(),
          note.text(), note.author(), note.createdAt(), now, note.hidden(),
          new Note.Origin(room, roomName, note.id())));
    }
    Set<String> kept = copies.stream().map(Note::id).collect(Collectors.toSet());
    List<String> removed = plenary.stream().filter(a -> a instanceof Note n && isHarvestOf(n, room) && !kept.contains(n.id()))
        .map(a -> ((Note) a).id()).sorted().toList();
    return new Harvest(section, copies, removed);
  }

  /**
   * The top left corner of a w x h box nearest to being centred on {@code near} that comes no
   * closer than {@link #CLEARANCE} to any of {@code taken}; ties go to the upper, then the left one.
   *
   * <p>Each taken area rules out an open rectangle of corners. The nearest allowed corner is the
   * wanted one or lies on the edge of such a rectangle, so its row is the wanted one or an upper or
   * lower edge: the rows are tried nearest first, each row's nearest allowed corner found from
   * the rectangles crossing it, until no row left can be nearer than the best found. The first
   * best is the nearest spot beside all of them (left, right, above or below the lot): only
   * rectangles nearer than that can matter, which keeps a crowded plenary quick.
   */
  static Point freeSpotNear(Point near, double w, double h, List<? extends Area> taken) {
    double wantedX = Math.round(Math.max(-Limits.COORDINATE_MAX, Math.min(Limits.COORDINATE_MAX - w, near.x() - w / 2)));
    double wantedY = Math.round(Math.max(-Limits.COORDINATE_MAX, Math.min(Limits.COORDINATE_MAX - h, near.y() - h / 2)));
    Comparator<Point> nearer = Comparator.comparingDouble((Point p) -> Math.hypot(p.x() - wantedX, p.y() - wantedY))
        .thenComparingDouble(Point::y).thenComparingDouble(Point::x);
    // Left, right, above and below: x0 < x < x1, y0 < y < y1 for the corners each area rules out.
    List<double[]> all = taken.stream()
        .map(a -> new double[] {a.x() - w - CLEARANCE, a.x() + a.w() + CLEARANCE, a.y() - h - CLEARANCE, a.y() + a.h() + CLEARANCE})
        .toList();
    Point best = Stream.of(
        new Point(Math.min(wantedX, all.stream().mapToDouble(r -> r[0]).min().orElse(wantedX)), wantedY),
        new Point(Math.max(wantedX, all.stream().mapToDouble(r -> r[1]).max().orElse(wantedX)), wantedY),
        new Point(wantedX, Math.min(wantedY, all.stream().mapToDouble(r -> r[2]).min().orElse(wantedY))),
        new Point(wantedX, Math.max(wantedY, all.stream().mapToDouble(r -> r[3]).max().orElse(wantedY))))
        .min(nearer).orElseThrow();
    double clear = Math.hypot(best.x() - wantedX, best.y() - wantedY);
    List<double[]> ruledOut = all.stream()
        .filter(r -> r[0] < wantedX + clear && wantedX - clear < r[1] && r[2] < wantedY + clear && wantedY - clear < r[3])
        .sorted(Comparator.comparingDouble(r -> r[0])).toList();
    List<Double> rows = new ArrayList<>();
    rows.add(wantedY);
    ruledOut.forEach(r -> {
      rows.add(r[2]);
      rows.add(r[3]);
    });
    rows.sort(Comparator.comparingDouble((Double y) -> Math.abs(y - wantedY)).thenComparingDouble(y -> y));
    for (int i = 0; i < rows.size(); i++) {
      double y = rows.get(i);
      if (Math.abs(y - wantedY) > Math.hypot(best.x() - wantedX, best.y() - wantedY)) {
        break;
      }
      if (i > 0 && y == rows.get(i - 1)) {
        continue;
      }
      Point spot = new Point(nearestAllowed(wantedX, ruledOut.stream().filter(r -> r[2] < y && y < r[3]).toList()), y);
      if (nearer.compare(spot, best) < 0) {
        best = spot;
      }
    }
    return best;
  }

  /** The x nearest {@code wanted} outside all the open intervals [0]..[1] of {@code crossing} (sorted by start). */
  private static double nearestAllowed(double wanted, List<double[]> crossing) {
    double start = Double.NaN;
    double end = Double.NaN;
    for (double[] r : crossing) {
      if (!(r[0] < end)) {
        if (start < wanted && wanted < end) {
          break;
        }
        start = r[0];
        end = r[1];
      } else {
        end = Math.max(end, r[1]);
      }
    }
    if (!(start < wanted && wanted < end)) {
      return wanted;
    }
    return wanted - start <= end - wanted ? start : end;
  }

  /** The room's section or a copy made by an earlier harvest of it (not a note merely from it). */
  private static boolean isHarvestOf(Area area, String room) {
    if (area instanceof Section s) {
      return s.id().equals(sectionId(room));
    }
    return area instanceof Note n && n.origin() != null && room.equals(n.origin().room())
        && n.id().equals(copyId(room, n.origin().note()));
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
