package io.werkraum.board;

import io.werkraum.board.BoardEvent.*;
import io.werkraum.board.Command.*;
import io.werkraum.board.Mutation.Collection;
import io.werkraum.board.Mutation.Op;

/** Decides, for an authorised command, the mutation the store is to apply. Pure: no I/O. */
public final class Decider {
  private Decider() {}

  /**
   * @param now server time in milliseconds, stamped into the item and event
   * @throws Rejection when the actor may not send the command
   */
  public static Mutation decide(Actor actor, Command command, long now) {
    Permissions.check(actor, command);
    String by = actor.participantId();
    if (command instanceof CreateNote c) {
      NoteDraft d = c.note();
      Note note = new Note(d.id(), d.x(), d.y(), d.w(), d.h(), d.color(), d.text(), by, now, now);
      return new Mutation(c.room(), Collection.NOTES, Op.CREATE, d.id(), note, null,
          new NoteCreated(c.room(), note));
    }
    if (command instanceof UpdateNote c) {
      return new Mutation(c.room(), Collection.NOTES, Op.UPDATE, c.id(), null, c.patch(),
          new NoteUpdated(c.room(), c.id(), c.patch().fields(), by, now));
    }
    if (command instanceof DeleteNote c) {
      return new Mutation(c.room(), Collection.NOTES, Op.DELETE, c.id(), null, null,
          new NoteDeleted(c.room(), c.id(), by));
    }
    if (command instanceof CreateSection c) {
      SectionDraft d = c.section();
      Section section = new Section(d.id(), d.x(), d.y(), d.w(), d.h(), d.title(), by, now, now);
      return new Mutation(c.room(), Collection.SECTIONS, Op.CREATE, d.id(), section, null,
          new SectionCreated(c.room(), section));
    }
    if (command instanceof UpdateSection c) {
      return new Mutation(c.room(), Collection.SECTIONS, Op.UPDATE, c.id(), null, c.patch(),
          new SectionUpdated(c.room(), c.id(), c.patch().fields(), by, now));
    }
    if (command instanceof DeleteSection c) {
      return new Mutation(c.room(), Collection.SECTIONS, Op.DELETE, c.id(), null, null,
          new SectionDeleted(c.room(), c.id(), by));
    }
    if (command instanceof UpdateParticipant c) {
      return new Mutation(null, Collection.PARTICIPANTS, Op.UPDATE, by, null, c.patch(),
          new ParticipantUpdated(by, c.patch().fields()));
    }
    throw new IllegalArgumentException(command.getClass().getSimpleName() + " does not mutate");
  }

  /** The mutation that records a new participant on the board stream. */
  public static Mutation join(Participant participant) {
    return new Mutation(null, Collection.PARTICIPANTS, Op.CREATE, participant.id(), participant, null,
        new ParticipantJoined(participant));
  }
}
