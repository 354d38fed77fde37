package io.werkraum.rooms;

import io.werkraum.board.Area;
import io.werkraum.board.Note;
import io.werkraum.board.Section;
import io.werkraum.protocol.Limits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a harvested breakout room lands in the plenary: a new section titled with the room's name,
 * to the right of everything there, holding a grid of copies of the room's notes in reading order
 * (top to bottom, left to right), each remembering where it came from. Pure.
 */
public final class HarvestLayout {
  static final double GAP = 200;
  static final double PADDING = 20;
  static final double HEADER = 60;
  static final double COLUMN = Limits.NOTE_WIDTH_DEFAULT + PADDING;
  static final double ROW = Limits.NOTE_HEIGHT_DEFAULT + PADDING;
  static final double MIN_WIDTH = 440;
  static final double MIN_HEIGHT = 320;

  /** The new section and the copies in it. */
  public record Harvest(Section section, List<Note> notes) {}

  private HarvestLayout() {}

  /**
   * @param plenary what the plenary holds now (the new section goes right of all of it)
   * @param source the breakout room's notes
   */
  public static Harvest of(List<? extends Area> plenary, String room, String roomName, List<Note> source,
      String sectionId, String by, long now) {
    double right = plenary.stream().mapToDouble(a -> a.x() + a.w()).max().orElse(0);
    double top = plenary.stream().mapToDouble(Area::y).min().orElse(0);
    List<Note> ordered = new ArrayList<>(source);
    ordered.sort(Comparator.comparingDouble(Note::y).thenComparingDouble(Note::x).thenComparing(Note::id));
    int columns = Math.max(1, (int) Math.ceil(Math.sqrt(ordered.size())));
    int rows = Math.max(1, (int) Math.ceil(ordered.size() / (double) columns));
    double x0 = (plenary.isEmpty() ? 0 : right) + GAP;
    double y0 = top;
    Section section = new Section(sectionId, x0, y0, Math.max(MIN_WIDTH, PADDING + columns * COLUMN),
        Math.max(MIN_HEIGHT, HEADER + rows * ROW + PADDING), roomName, by, now, now, new Section.Origin(room));
    List<Note> copies = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Note note = ordered.get(i);
      copies.add(new Note(sectionId + "-" + (i + 1), x0 + PADDING + (i % columns) * COLUMN,
          y0 + HEADER + (i / columns) * ROW, Limits.NOTE_WIDTH_DEFAULT, Limits.NOTE_HEIGHT_DEFAULT, note.color(),
          note.text(), note.author(), note.createdAt(), now, note.hidden(),
          new Note.Origin(room, roomName, note.id())));
    }
    return new Harvest(section, copies);
  }
}
