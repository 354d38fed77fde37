package io.werkraum.board;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.board.BoardEvent.*;
import io.werkraum.board.Command.*;
import io.werkraum.board.Mutation.Collection;
import io.werkraum.board.Mutation.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may do what, and what a command changes: pure, without Vert.x or Redis. */
class DeciderTest {
  static final long NOW = 1_750_000_000_000L;
  static final Actor ANNA = new Actor("b1", "anna", Role.PARTICIPANT);
  static final Actor FACILITATOR = new Actor("b1", "fay", Role.FACILITATOR);
  static final Actor OBSERVER = new Actor("b1", "olga", Role.OBSERVER);

  static final Patch TEXT = new Patch(Map.of("text", "neu"));

  /** One of every command that changes the board. */
  static List<Command> mutating() {
    return List.of(
        new CreateNote("c1", "main", new NoteDraft("n1", 1, 2, 200, 200, "yellow", "")),
        new UpdateNote("c2", "main", "n1", TEXT),
        new DeleteNote("c3", "main", "n1"),
        new CreateSection("c4", "main", new SectionDraft("s1", 0, 0, 400, 300, "Ideen")),
        new UpdateSection("c5", "main", "s1", new Patch(Map.of("title", "Ziele"))),
        new DeleteSection("c6", "main", "s1"),
        new UpdateParticipant("c7", new Patch(Map.of("name", "Olga"))));
  }

  @Test
  void anObserverIsRefusedEveryMutatingCommand() {
    for (Command command : mutating()) {
      Rejection r = assertThrows(Rejection.class, () -> Decider.decide(OBSERVER, command, NOW),
          command.getClass().getSimpleName());
      assertEquals(ErrorCode.NOT_ALLOWED, r.code(), command.getClass().getSimpleName());
      assertThrows(Rejection.class, () -> Permissions.check(OBSERVER, command));
    }
  }

  @Test
  void anObserverMaySync() {
    assertDoesNotThrow(() -> Permissions.check(OBSERVER, new Sync("c1", "main", null, null)));
    assertDoesNotThrow(() -> Permissions.check(OBSERVER, new Sync("c1", "main", 4L, 7L)));
  }

  @Test
  void participantsAndFacilitatorsMayDoEveryCommand() {
    for (Actor actor : List.of(ANNA, FACILITATOR)) {
      for (Command command : mutating()) {
        assertNotNull(Decider.decide(actor, command, NOW));
      }
    }
  }

  @Test
  void syncDoesNotMutate() {
    assertThrows(IllegalArgumentException.class,
        () -> Decider.decide(ANNA, new Sync("c1", "main", null, null), NOW));
  }

  @Test
  void aCreatedNoteCarriesTheActorAsAuthorAndServerTime() {
    Mutation m = Decider.decide(ANNA,
        new CreateNote("c1", "main", new NoteDraft("n1", 10, 20, 120, 90, "teal", "Hallo")), NOW);
    Note expected = new Note("n1", 10, 20, 120, 90, "teal", "Hallo", "anna", NOW, NOW);
    assertEquals(expected, m.item());
    assertEquals(new NoteCreated("main", expected), m.event());
    assertEquals("main", m.room());
    assertEquals(Collection.NOTES, m.collection());
    assertEquals(Op.CREATE, m.op());
    assertEquals("n1", m.itemId());
    assertEquals("note.created", m.event().type());
  }

  @Test
  void anUpdateIsStampedWithTheActorAndServerTime() {
    Mutation m = Decider.decide(FACILITATOR, new UpdateNote("c2", "main", "n1", TEXT), NOW);
    assertEquals(Op.UPDATE, m.op());
    assertEquals(TEXT, m.patch());
    assertEquals(new NoteUpdated("main", "n1", Map.of("text", "neu"), "fay", NOW), m.event());
    // The patch carries only what the client may change: no author, no timestamps.
    assertFalse(m.patch().fields().containsKey("author"));
    assertFalse(m.patch().fields().containsKey("updatedAt"));
  }

  @Test
  void aDeleteNamesWhoDeletedIt() {
    Mutation m = Decider.decide(ANNA, new DeleteNote("c3", "main", "n1"), NOW);
    assertEquals(Op.DELETE, m.op());
    assertEquals(new NoteDeleted("main", "n1", "anna"), m.event());
    assertEquals("note.deleted", m.event().type());
  }

  @Test
  void sectionsAreStampedLikeNotes() {
    Mutation created = Decider.decide(ANNA,
        new CreateSection("c4", "r2", new SectionDraft("s1", 0, 0, 400, 300, "Ideen")), NOW);
    Section s = new Section("s1", 0, 0, 400, 300, "Ideen", "anna", NOW, NOW);
    assertEquals(s, created.item());
    assertEquals(new SectionCreated("r2", s), created.event());
    assertEquals(Collection.SECTIONS, created.collection());

    Mutation updated = Decider.decide(ANNA, new UpdateSection("c5", "r2", "s1", new Patch(Map.of("x", 5.0))), NOW + 1);
    assertEquals(new SectionUpdated("r2", "s1", Map.of("x", 5.0), "anna", NOW + 1), updated.event());

    Mutation deleted = Decider.decide(ANNA, new DeleteSection("c6", "r2", "s1"), NOW);
    assertEquals(new SectionDeleted("r2", "s1", "anna"), deleted.event());
  }

  @Test
  void aParticipantUpdateChangesOnlyTheActorsOwnEntry() {
    Mutation m = Decider.decide(ANNA, new UpdateParticipant("c7", new Patch(Map.of("name", "Anne"))), NOW);
    assertNull(m.room(), "board stream");
    assertEquals(Collection.PARTICIPANTS, m.collection());
    assertEquals("anna", m.itemId());
    assertEquals(new ParticipantUpdated("anna", Map.of("name", "Anne")), m.event());
  }

  @Test
  void aJoinRecordsTheParticipantOnTheBoardStream() {
    Participant p = new Participant("p1", "Anna", "Jena", Role.PARTICIPANT, "#c0392b", NOW);
    Mutation m = Decider.join(p);
    assertNull(m.room());
    assertEquals(Op.CREATE, m.op());
    assertEquals(p, m.item());
    assertEquals(new ParticipantJoined(p), m.event());
  }

  @Test
  void theSameCommandFromDifferentActorsNamesEachActor() {
    CreateNote command = new CreateNote("c1", "main", new NoteDraft("n1", 0, 0, 200, 200, "yellow", ""));
    assertEquals("anna", ((Note) Decider.decide(ANNA, command, NOW).item()).author());
    assertEquals("fay", ((Note) Decider.decide(FACILITATOR, command, NOW).item()).author());
  }
}
