package io.werkraum.rooms;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.board.Area;
import io.werkraum.board.Note;
import io.werkraum.board.Section;
import io.werkraum.board.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where a harvested room lands in the plenary, pure. */
class HarvestLayoutTest {
  static Note note(String id, double x, double y) {
    return new Note(id, x, y, 200, 150, "green", "Text " + id, "anna", 5);
  }

  private static boolean overlap(Area a, Area b) {
    return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
  }

  /** How far a section at (x, y) would be from being centred on {@code near}. */
  private static double offset(Section section, double x, double y, HarvestLayout.Point near) {
    return Math.hypot(x + section.w() / 2 - near.x(), y + section.h() / 2 - near.y());
  }

  @Test
  void aSectionRightOfEverythingHoldingTheNotesInReadingOrder() {
    List<Area> plenary = List.of(new Section("s1", -100, 40, 600, 400, "Ziele", "fay", 0), note("p1", 900, 700));
    List<Note> room = List.of(note("c", 500, 0), note("a", 0, 0), note("b", 250, 0), note("d", 0, 300), note("e", 10, 300));
    HarvestLayout.Harvest h = HarvestLayout.of(plenary, "r1", "Verkehr", room, null, "fay", 99);
    Section section = h.section();
    assertEquals(900 + 200 + 200, section.x(), "right of the rightmost edge, with a gap");
    assertEquals(40, section.y(), "level with the top of the plenary");
    assertEquals("Verkehr", section.title());
    assertEquals("r1", section.origin().room());
    assertEquals(List.of("a", "b", "c", "d", "e"), h.notes().stream().map(n -> n.origin().note()).toList());
    assertEquals("harvest-r1", section.id());
    assertEquals(List.of("a", "b", "c", "d", "e").stream().map(id -> HarvestLayout.copyId("r1", id)).toList(),
        h.notes().stream().map(Note::id).toList(), "the same ids at every harvest");
    for (Note copy : h.notes()) {
      assertTrue(Sections.contains(section, copy), copy.id() + " lies in its section");
      assertEquals("Verkehr", copy.origin().roomName());
      assertEquals(5, copy.createdAt(), "written when it was written");
      assertEquals(99, copy.updatedAt());
    }
    List<Note> copies = new ArrayList<>(h.notes());
    for (int i = 0; i < copies.size(); i++) {
      for (int j = i + 1; j < copies.size(); j++) {
        Note a = copies.get(i);
        Note b = copies.get(j);
        assertFalse(a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h(),
            a.id() + " and " + b.id() + " overlap");
      }
    }
  }

  @Test
  void idsFitTheProtocolAndDoNotCollideAcrossRooms() {
    String longId = "r".repeat(64);
    assertTrue(io.werkraum.protocol.Limits.ID.matcher(HarvestLayout.sectionId(longId)).matches());
    assertTrue(io.werkraum.protocol.Limits.ID.matcher(HarvestLayout.copyId(longId, "n".repeat(64))).matches());
    assertNotEquals(HarvestLayout.copyId("a-b", "c"), HarvestLayout.copyId("a", "b-c"));
  }

  @Test
  void anEmptyRoomIntoAnEmptyPlenaryStillGetsItsSection() {
    HarvestLayout.Harvest h = HarvestLayout.of(List.of(), "r1", "Leer", List.of(), null, "fay", 1);
    assertEquals(HarvestLayout.GAP, h.section().x());
    assertEquals(0, h.section().y());
    assertTrue(h.notes().isEmpty());
  }

  @Test
  void withAPointToLookAtTheSectionIsCentredThereWhenThatSpotIsFree() {
    List<Area> plenary = List.of(new Section("s1", -100, 40, 600, 400, "Ziele", "fay", 0), note("p1", 900, 700));
    Section section = HarvestLayout.of(plenary, "r1", "Verkehr", List.of(note("a", 0, 0)), new HarvestLayout.Point(3000, -2000),
        "fay", 1).section();
    assertEquals(3000 - section.w() / 2, section.x());
    assertEquals(-2000 - section.h() / 2, section.y());
  }

  @Test
  void aPointOnSomethingPutsTheSectionOnTheNearestFreeSpotBesideIt() {
    // The point is the middle of a note: the section goes right above it, as near as the note
    // allows (above and below are equally near; the upper one is taken), a clearance away.
    Note there = note("p1", 900, 400);
    HarvestLayout.Harvest h = HarvestLayout.of(List.of(there), "r1", "Verkehr", List.of(), new HarvestLayout.Point(1000, 475),
        "fay", 1);
    Section section = h.section();
    assertEquals(1000 - section.w() / 2, section.x(), "straight above the point");
    assertEquals(400 - HarvestLayout.CLEARANCE - section.h(), section.y());
    assertFalse(overlap(section, there));
  }

  @Test
  void theSpotFoundOverlapsNothingAndNoFreeSpotIsNearer() {
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      List<Area> plenary = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        plenary.add(random.nextInt(4) == 0
            ? new Section("s" + i, random.nextInt(3000), random.nextInt(2000), 300 + random.nextInt(900), 200 + random.nextInt(600), "", "fay", 0)
            : note("n" + i, random.nextInt(3000), random.nextInt(2000)));
      }
      HarvestLayout.Point near = new HarvestLayout.Point(random.nextInt(3000), random.nextInt(2000));
      List<Note> room = List.of(note("a", 0, 0), note("b", 0, 200), note("c", 0, 400));
      Section section = HarvestLayout.of(plenary, "r1", "Verkehr", room, near, "fay", 1).section();
      for (Area area : plenary) {
        assertFalse(overlap(section, area), "round " + round + ": " + section + " overlaps " + area);
      }
      double found = offset(section, section.x(), section.y(), near);
      // No spot on a 20-unit grid around the point is free and nearer.
      double c = HarvestLayout.CLEARANCE;
      for (double x = near.x() - section.w() / 2 - found; x <= near.x() - section.w() / 2 + found; x += 20) {
        for (double y = near.y() - section.h() / 2 - found; y <= near.y() - section.h() / 2 + found; y += 20) {
          if (offset(section, x, y, near) >= found - 1e-9) {
            continue;
          }
          double left = x - c;
          double top = y - c;
          double right = x + section.w() + c;
          double bottom = y + section.h() + c;
          assertTrue(plenary.stream().anyMatch(a -> left < a.x() + a.w() && a.x() < right && top < a.y() + a.h() && a.y() < bottom),
              "round " + round + ": " + x + "," + y + " is free and nearer than " + section.x() + "," + section.y());
        }
      }
    }
  }

  @Test
  void aLaterHarvestKeepsTheSectionWhereItIsWhateverThePoint() {
    Section earlier = new Section(HarvestLayout.sectionId("r1"), 5000, 3000, 440, 320, "Verkehr", "fay", 0,
        0, new Section.Origin("r1"));
    Section section = HarvestLayout.of(List.of(earlier), "r1", "Verkehr", List.of(note("a", 0, 0)),
        new HarvestLayout.Point(0, 0), "fay", 1).section();
    assertEquals(5000, section.x());
    assertEquals(3000, section.y());
  }
}
