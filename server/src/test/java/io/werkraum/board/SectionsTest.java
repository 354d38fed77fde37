package io.werkraum.board;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A note belongs to the section its centre lies in; the smallest one when sections overlap. */
class SectionsTest {
  static Section section(String id, double x, double y, double w, double h) {
    return new Section(id, x, y, w, h, id, "fay", 0);
  }

  static Note note(String id, double x, double y) {
    return new Note(id, x, y, 200, 150, "yellow", "", "anna", 0);
  }

  @Test
  void theCentreDecidesEdgesIncluded() {
    Section s = section("s", 0, 0, 400, 400);
    assertTrue(Sections.contains(s, note("in", 100, 100)));
    assertTrue(Sections.contains(s, note("centre-on-edge", 300, 325)), "centre at (400, 400)");
    assertFalse(Sections.contains(s, note("overlapping", 350, 100)), "most of it outside: centre at x 450");
    assertFalse(Sections.contains(s, note("outside", 1000, 0)));
  }

  @Test
  void ofOverlappingSectionsTheSmallestIsHome() {
    Section big = section("big", 0, 0, 2000, 2000);
    Section small = section("small", 50, 50, 400, 400);
    assertEquals(small, Sections.home(note("n", 100, 100), List.of(big, small)));
    assertEquals(big, Sections.home(note("n", 1500, 1500), List.of(big, small)));
    assertNull(Sections.home(note("n", 5000, 0), List.of(big, small)));
  }

  @Test
  void theNotesInsideAnyOfTheSectionsInTheirOrder() {
    List<Note> notes = List.of(note("a", 100, 100), note("b", 5000, 0), note("c", 1100, 100));
    assertEquals(List.of("a", "c"), Sections.inside(notes,
        List.of(section("s1", 0, 0, 400, 400), section("s2", 1000, 0, 400, 400))).stream().map(Note::id).toList());
  }
}
