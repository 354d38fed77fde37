package io.werkraum.store;

import io.werkraum.board.Note;
import io.werkraum.board.Section;
import java.util.List;

/** A room's notes and sections as they were at sequence number {@code seq} of its stream. */
public record RoomContent(long seq, List<Note> notes, List<Section> sections) {}
