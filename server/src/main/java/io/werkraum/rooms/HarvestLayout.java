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

/**
 * Where a harvested breakout room lands in the plenary: one section per room titled with its name
 * holding a grid of copies of the room's notes in reading order (top to bottom, left to right),
 * each remembering where it came from. The first harvest puts the section right of everything
 * there; a later one keeps it where it is now and lays the room's notes out in it again: the room
 * is the source, so copies of changed notes are updated, new ones added and copies of notes
 * deleted in the room removed. Section and copy ids are derived from the room and note ids, which
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
  private static final String PREFIX = "harvest-";

  /** The room's section, the copies in it and the ids of earlier copies whose notes are gone. */
  public record Harvest(Section section, List<Note> notes, List<String> removed) {}

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
   * @param plenary what the plenary holds now (a new section goes right of all of it; the room's
   *     section and copies from an earlier harvest are found in it)
   * @param source the breakout room's notes
   */
  public static Harvest of(List<? extends Area> plenary, String room, String roomName, List<Note> source,
      String by, long now) {
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
    Section section = earlier != null
        ? new Section(sectionId, earlier.x(), earlier.y(), Math.max(w, earlier.w()), Math.max(h, earlier.h()),
            roomName, earlier.author(), earlier.createdAt(), now, new Section.Origin(room))
        : new Section(sectionId, (others.isEmpty() ? 0 : others.stream().mapToDouble(a -> a.x() + a.w()).max().orElse(0)) + GAP,
            others.stream().mapToDouble(Area::y).min().orElse(0), w, h, roomName, by, now, now, new Section.Origin(room));
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
