package io.werkraum.store;

import io.werkraum.protocol.ErrorCode;

/** The English message of a refusal the store decided, for logs and developers (the UI translates the code). */
final class Refusals {
  private Refusals() {}

  static String message(ErrorCode code, Commit commit) {
    String where = commit.room == null ? "this board" : "room '" + commit.room + "' of this board";
    return switch (code) {
      case NOT_FOUND -> "nothing with that id in " + where;
      case NOT_ALLOWED -> "not allowed here: " + where;
      case CONFLICT -> "an item with that id exists already, or another change came first";
      case LIMIT_REACHED -> "the most items " + where + " can hold";
      case EDIT_CONFLICT -> "someone else changed the note's text since this edit began; nothing was saved";
      case BOARD_LOCKED -> "the board is locked; only facilitators can change it now";
      case ROUND_CLOSED -> "the voting round is closed";
      case VOTE_BUDGET_EXHAUSTED -> "no votes left in this round";
      case VOTE_LIMIT_PER_NOTE -> "the most votes one person may give this note";
      case NOT_IN_SCOPE -> "this note is not one the round lets people vote on";
      case PASSPHRASE_REQUIRED -> "this board asks for a passphrase to join; it was missing or wrong";
      default -> code.code();
    };
  }
}
