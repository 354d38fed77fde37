package io.werkraum.board;

/**
 * Every request a browser sends on the command address, validated. A command changes the board;
 * {@link Sync} only reads it.
 */
public sealed interface Command {
  /** Client-chosen id that makes a resend harmless. */
  String commandId();

  /** The room the command acts in, or null for board-level commands. */
  default String room() {
    return null;
  }

  record CreateNote(String commandId, String room, NoteDraft note) implements Command {}

  record UpdateNote(String commandId, String room, String id, Patch patch) implements Command {}

  record DeleteNote(String commandId, String room, String id) implements Command {}

  record CreateSection(String commandId, String room, SectionDraft section) implements Command {}

  record UpdateSection(String commandId, String room, String id, Patch patch) implements Command {}

  record DeleteSection(String commandId, String room, String id) implements Command {}

  record UpdateParticipant(String commandId, Patch patch) implements Command {}

  /** Asks for the events after the given sequence numbers, or the full state when null. */
  record Sync(String commandId, String room, Long boardSeq, Long roomSeq) implements Command {}

  record NoteDraft(String id, double x, double y, double w, double h, String color, String text) {}

  record SectionDraft(String id, double x, double y, double w, double h, String title) {}
}
