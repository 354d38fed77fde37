package io.werkraum.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Command bodies as a browser sends them on {@code werkraum.commands}, each with a fresh commandId. */
public final class Cmd {
  private static final AtomicLong IDS = new AtomicLong();

  private Cmd() {}

  /** A commandId never used before in this JVM. */
  public static String id() {
    return "cmd-" + IDS.incrementAndGet();
  }

  public static JsonObject note(String id, double x, double y) {
    return new JsonObject().put("id", id).put("x", x).put("y", y);
  }

  public static JsonObject section(String id, double x, double y, double w, double h, String title) {
    JsonObject section = new JsonObject().put("id", id).put("x", x).put("y", y).put("w", w).put("h", h);
    return title == null ? section : section.put("title", title);
  }

  public static JsonObject createNote(String room, JsonObject note) {
    return command("note.create").put("room", room).put("note", note);
  }

  public static JsonObject updateNote(String room, String id, JsonObject patch) {
    return command("note.update").put("room", room).put("id", id).put("patch", patch);
  }

  public static JsonObject deleteNote(String room, String id) {
    return command("note.delete").put("room", room).put("id", id);
  }

  public static JsonObject createSection(String room, JsonObject section) {
    return command("section.create").put("room", room).put("section", section);
  }

  public static JsonObject updateSection(String room, String id, JsonObject patch) {
    return command("section.update").put("room", room).put("id", id).put("patch", patch);
  }

  public static JsonObject deleteSection(String room, String id) {
    return command("section.delete").put("room", room).put("id", id);
  }

  public static JsonObject updateParticipant(JsonObject patch) {
    return command("participant.update").put("patch", patch);
  }

  /** A sync; null sequence numbers ask for the full state. */
  public static JsonObject sync(String room, Long boardSeq, Long roomSeq) {
    JsonObject sync = command("sync").put("room", room).put("protocol", Protocol.VERSION);
    if (boardSeq != null) {
      sync.put("boardSeq", boardSeq);
    }
    if (roomSeq != null) {
      sync.put("roomSeq", roomSeq);
    }
    return sync;
  }

  // Facilitation (facilitators only).

  public static JsonObject signInRequired(boolean required) {
    return command("board.signin").put("required", required);
  }

  public static JsonObject lock(boolean locked) {
    return command("board.lock").put("locked", locked);
  }

  public static JsonObject spotlight(String room, String noteId) {
    return command("spotlight.set").put("room", room).put("id", noteId);
  }

  public static JsonObject spotlightClear() {
    return command("spotlight.clear");
  }

  public static JsonObject bringToView(double x, double y, double zoom) {
    return command("view.bring").put("viewport", new JsonObject().put("x", x).put("y", y).put("zoom", zoom));
  }

  public static JsonObject follow(boolean on) {
    return command("view.follow").put("on", on);
  }

  public static JsonObject broadcast(String text) {
    return command("broadcast.send").put("text", text);
  }

  public static JsonObject broadcastClear() {
    return command("broadcast.clear");
  }

  public static JsonObject timerStart(long durationMs) {
    return command("timer.start").put("durationMs", durationMs);
  }

  public static JsonObject timerPause() {
    return command("timer.pause");
  }

  public static JsonObject timerResume() {
    return command("timer.resume");
  }

  public static JsonObject timerAdd(long ms) {
    return command("timer.add").put("ms", ms);
  }

  public static JsonObject timerReset() {
    return command("timer.reset");
  }

  public static JsonObject removeParticipant(String participantId) {
    return command("participant.remove").put("id", participantId);
  }

  /** A facilitator's hand.lower: lowers someone's raised hand. */
  public static JsonObject lowerHand(String participantId) {
    return command("hand.lower").put("id", participantId);
  }

  public static JsonObject deleteBoard() {
    return command("board.delete");
  }

  /** @param days null: back to the instance's default */
  public static JsonObject retention(Integer days) {
    JsonObject command = command("board.retention");
    return days == null ? command : command.put("days", days);
  }

  public static JsonObject linksGet() {
    return command("links.get");
  }

  /** @param kind participant or observer */
  public static JsonObject linksRenew(String kind) {
    return command("links.renew").put("kind", kind);
  }

  // Breakout rooms (facilitators only).

  /** A room as {@link #createRooms} takes it. */
  public static JsonObject room(String id, String name) {
    return new JsonObject().put("id", id).put("name", name);
  }

  /** A rooms.create of these rooms ({@link #room}). */
  public static JsonObject createRooms(JsonObject... rooms) {
    return command("rooms.create").put("rooms", new JsonArray(new ArrayList<>(List.of(rooms))));
  }

  // Voting.

  /** A round.start with the given round object ({id, votesPerParticipant?, maxPerNote?, ...}). */
  public static JsonObject startRound(JsonObject round) {
    return command("round.start").put("round", round);
  }

  /** A round.start with only an id: every default. */
  public static JsonObject startRound(String roundId) {
    return startRound(new JsonObject().put("id", roundId));
  }

  public static JsonObject closeRound(String roundId) {
    return command("round.close").put("round", roundId);
  }

  /** A round.show; null shows none. */
  public static JsonObject showRound(String roundId) {
    return command("round.show").put("round", roundId);
  }

  public static JsonObject castVote(String roundId, String noteId) {
    return command("vote.cast").put("round", roundId).put("note", noteId);
  }

  public static JsonObject retractVote(String roundId, String noteId) {
    return command("vote.retract").put("round", roundId).put("note", noteId);
  }

  public static JsonObject command(String type) {
    return new JsonObject().put("type", type).put("commandId", id());
  }
}
