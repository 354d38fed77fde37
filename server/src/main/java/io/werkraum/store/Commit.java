package io.werkraum.store;

import io.werkraum.board.Actor;
import io.werkraum.board.BoardEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One command's change to a board, ready for the store: who sends it under which command id, the
 * event it commits on which stream (none for votes), the room it acts in, and its operation's
 * script with the keys and arguments it declares. Built with {@link #by}.
 */
public final class Commit {
  final Actor actor;
  final String commandId;
  final long now;
  final Script script;
  Stream stream;
  BoardEvent event;
  String room;
  boolean finishing;
  String audit;
  final List<String> keys = new ArrayList<>();
  final List<String> args = new ArrayList<>();

  private Commit(Actor actor, String commandId, long now, Script script) {
    this.actor = actor;
    this.commandId = commandId;
    this.now = now;
    this.script = script;
  }

  /** A change by {@code actor}, applied at most once per {@code commandId}, at server time {@code now}. */
  public static Commit by(Actor actor, String commandId, long now, Script script) {
    return new Commit(actor, commandId, now, script);
  }

  /** The stream the change belongs to, without an event of its own yet (a resend finds its event there). */
  Commit on(Stream stream) {
    this.stream = stream;
    return this;
  }

  /** The event this change commits, on the board stream or (for room events) the room's stream. */
  public Commit event(Stream stream, BoardEvent event) {
    this.stream = stream;
    this.event = event;
    return this;
  }

  /**
   * The room the change acts in: it must exist, and a participant must be in it now (checked with
   * the write; facilitators may act in any room).
   */
  public Commit inRoom(String room) {
    this.room = room;
    return this;
  }

  /**
   * As {@link #inRoom}, and a participant may also make the change in the breakout room they are
   * assigned to while the rooms are closed: an edit under way when the rooms closed is saved
   * there (and a harvest takes it) instead of lost.
   */
  public Commit finishingInRoom(String room) {
    this.room = room;
    this.finishing = true;
    return this;
  }

  /** The audit entry the change writes to the board's audit log when applied (JSON). */
  public Commit audit(String entry) {
    this.audit = entry;
    return this;
  }

  /** The operation's next key ({@code werkraum.key(i)} in its script, in order). */
  public Commit key(String key) {
    keys.add(key);
    return this;
  }

  /** The operation's next argument ({@code werkraum.arg(i)} in its script, in order). */
  public Commit arg(Object value) {
    args.add(String.valueOf(value));
    return this;
  }

  /** An optional argument: the empty string stands for none. */
  public Commit optionalArg(Object value) {
    args.add(value == null ? "" : String.valueOf(value));
    return this;
  }

  public String boardId() {
    return actor.boardId();
  }
}
