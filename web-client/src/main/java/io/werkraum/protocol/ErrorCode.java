package io.werkraum.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stable error codes of refused commands and requests; the UI shows its own translation of each. */
public enum ErrorCode {
  /** Malformed body, missing field, wrong type, value out of range, unknown field. */
  INVALID_INPUT("invalid_input"),
  /** {@code type} is not a command. */
  UNKNOWN_COMMAND("unknown_command"),
  /** The sender may not do this (role, room, or no longer on the board). */
  NOT_ALLOWED("not_allowed"),
  /** The room, note, section, round or participant does not exist on this board. */
  NOT_FOUND("not_found"),
  /** An id that exists already; a round started while another is open. */
  CONFLICT("conflict"),
  /** A room holds the most notes or sections it can, a board the most rooms, rounds or snapshots. */
  LIMIT_REACHED("limit_reached"),
  /** The socket's queue of commands is full; retry after {@code retryAfterMs}. */
  RATE_LIMITED("rate_limited"),
  /** Redis could not be reached; nothing was applied; retry. */
  UNAVAILABLE("unavailable"),
  /**
   * The note's text is no longer the one the edit began from ({@code baseText}): someone else saved
   * meanwhile. Nothing was saved; {@code text} in the reply is the text now (for merging or offering).
   */
  EDIT_CONFLICT("edit_conflict"),
  /** The board is locked: only facilitators change notes and sections. */
  BOARD_LOCKED("board_locked"),
  /** The voting round is closed or its time is up. */
  ROUND_CLOSED("round_closed"),
  /** No votes left in this round. */
  VOTE_BUDGET_EXHAUSTED("vote_budget_exhausted"),
  /** The most votes one person may give one note. */
  VOTE_LIMIT_PER_NOTE("vote_limit_per_note"),
  /** The note is not one the round lets people vote on. */
  NOT_IN_SCOPE("not_in_scope"),
  /** The board asks for a passphrase to join; it was missing or wrong. */
  PASSPHRASE_REQUIRED("passphrase_required"),
  /** The person waits for a facilitator to let them in (the board's waiting room). */
  WAITING_FOR_ADMISSION("waiting_for_admission"),
  /** The board no longer exists: deleted by its facilitators or past its retention. */
  BOARD_GONE("board_gone"),
  /** The browser speaks another protocol version than the server: reload. */
  CLIENT_OUTDATED("client_outdated"),
  /**
   * Only someone signed in through the instance's identity provider may do this: create a board
   * where the instance requires it, facilitate a board whose facilitators must sign in.
   */
  SIGN_IN_REQUIRED("sign_in_required");

  private static final Map<String, ErrorCode> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ErrorCode fromCode(String code) {
    ErrorCode c = code == null ? null : BY_CODE.get(code);
    if (c == null) {
      throw new IllegalArgumentException("unknown error code " + code);
    }
    return c;
  }
}
