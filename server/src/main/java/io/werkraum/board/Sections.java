package io.werkraum.board;

import java.util.ArrayList;
import java.util.List;

/**
 * Which section a note belongs to: the one its centre lies in, as on paper (the smallest one
 * when sections overlap). Notes carry no section of their own, so moving a note in or out, or
 * moving a section, needs no second change. The one place this rule is written.
 */
public final class Sections {
  private Sections() {}

  /** Whether the centre of {@code note} lies in {@code section} (edges included). */
  public static boolean contains(Area section, Area note) {
    double cx = note.x() + note.w() / 2;
    double cy = note.y() + note.h() / 2;
    return cx >= section.x() && cx <= section.x() + section.w()
        && cy >= section.y() && cy <= section.y() + section.h();
  }

  /** The section {@code note} belongs to, or null. */
  public static <S extends Area> S home(Area note, List<S> sections) {
    S best = null;
    for (S section : sections) {
      if (contains(section, note) && (best == null || section.w() * section.h() < best.w() * best.h())) {
        best = section;
      }
    }
    return best;
  }

  /** The notes that lie in any of {@code sections}, in their given order. */
  public static <N extends Area> List<N> inside(List<N> notes, List<? extends Area> sections) {
    List<N> inside = new ArrayList<>();
    for (N note : notes) {
      if (sections.stream().anyMatch(s -> contains(s, note))) {
        inside.add(note);
      }
    }
    return inside;
  }
}
