package io.werkraum.rooms;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.board.Area;
import io.werkraum.board.Note;
import io.werkraum.board.Section;
import io.werkraum.board.Sections;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a harvested room lands in the plenary, pure. */
class HarvestLayoutTest {
  static Note note(String id, double x, double y) {
    return new Note(id, x, y, 200, 150, "green", "Text " + id, "anna", 5);
  }

  @Test
  void aSectionRightOfEverythingHoldingTheNotesInReadingOrder() {
    List<Area> plenary = List.of(new Section("s1", -100, 40, 600, 400, "Ziele", "fay", 0), note("p1", 900, 700));
    List<Note> room = List.of(note("c", 500, 0), note("a", 0, 0), note("b", 250, 0), note("d", 0, 300), note("e", 10, 300));
    HarvestLayout.Harvest h = HarvestLayout.of(plenary, "r1", "Verkehr", room, "fay", 99);
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
    HarvestLayout.Harvest h = HarvestLayout.of(List.of(), "r1", "Leer", List.of(), "fay", 1);
    assertEquals(HarvestLayout.GAP, h.section().x());
    assertEquals(0, h.section().y());
    assertTrue(h.notes().isEmpty());
  }
}
