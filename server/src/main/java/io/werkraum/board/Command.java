package io.werkraum.board;

/**
 * Every request a browser sends on the command address, validated. A command changes the board;
 * {@link Sync} and {@link WatchRooms} only read it.
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

  // Facilitation: only facilitators may send these (see Permissions).

  record LockBoard(String commandId, boolean locked) implements Command {}

  /** Highlights one note for everyone; a null id clears it. */
  record Spotlight(String commandId, String room, String id) implements Command {}

  record BringToView(String commandId, Viewport viewport) implements Command {}

  record Follow(String commandId, boolean on) implements Command {}

  /** A message to every room; null text clears it. */
  record Broadcast(String commandId, String text) implements Command {}

  record TimerCommand(String commandId, TimerAction action, long ms) implements Command {}

  record RemoveParticipant(String commandId, String id) implements Command {}

  record GetLinks(String commandId) implements Command {}

  record RenewLink(String commandId, LinkKind kind) implements Command {}

  record StartRound(String commandId, RoundDraft round) implements Command {}

  record CloseRound(String commandId, String round) implements Command {}

  /** Chooses whose results the board shows; null for none. */
  record ShowRound(String commandId, String round) implements Command {}

  /** Facilitator: while on, participants' new notes are hidden from everyone but them. */
  record SetPrivateWriting(String commandId, boolean on) implements Command {}

  /** Facilitator: every hidden note of a room becomes visible to all. */
  record RevealNotes(String commandId, String room) implements Command {}

  // Breakout rooms.

  /** Facilitator: new rooms, each optionally starting from a copy of a plenary section. */
  record CreateRooms(String commandId, java.util.List<RoomDraft> rooms, String templateSection) implements Command {}

  /** Facilitator: who goes where; {@code assignments} only for the manual mode. */
  record AssignRooms(String commandId, AssignMode mode, java.util.Map<String, String> assignments) implements Command {}

  /** Facilitator: one person into a room ({@code target} null: none). */
  record MoveParticipant(String commandId, String id, String target) implements Command {}

  /** Participant, when the facilitator lets people pick: their own room. */
  record ChooseRoom(String commandId, String target) implements Command {}

  /** Facilitator: open the rooms (everyone into their room) or close them (everyone back). */
  record SetBreakout(String commandId, boolean open) implements Command {}

  /** Facilitator: bring a room's notes into the plenary as a section titled with its name. */
  record HarvestRoom(String commandId, String room) implements Command {}

  /** Facilitator: an immutable copy of the whole board as it is now. */
  record TakeSnapshot(String commandId, String name) implements Command {}

  // Voting: participants and facilitators.

  record CastVote(String commandId, String round, String note) implements Command {}

  record RetractVote(String commandId, String round, String note) implements Command {}

  /** Asks for the events after the given sequence numbers, or the full state when null. */
  record Sync(String commandId, String room, Long boardSeq, Long roomSeq) implements Command {}

  /**
   * Facilitator: for each room, its events after the given sequence number (or its full state
   * when null), in one reply: the control view's overview of the breakout rooms.
   */
  record WatchRooms(String commandId, java.util.Map<String, Long> rooms) implements Command {}

  record NoteDraft(String id, double x, double y, double w, double h, String color, String text) {}

  record SectionDraft(String id, double x, double y, double w, double h, String title) {}

  record Viewport(double x, double y, double zoom) {}

  enum TimerAction { START, PAUSE, RESUME, ADD, RESET }

  enum LinkKind { PARTICIPANT, OBSERVER }

  enum AssignMode { RANDOM, BALANCED, MANUAL, CHOICE }

  record RoomDraft(String id, String name) {}

  /**
   * A voting round as the facilitator sets it up.
   *
   * @param sections ids of the sections whose notes may get votes; null for the whole room
   * @param durationMs time limit, or null for none
   */
  record RoundDraft(String id, String title, int votesPerParticipant, int maxPerNote, boolean anonymous,
      String room, java.util.List<String> sections, Long durationMs) {}
}
