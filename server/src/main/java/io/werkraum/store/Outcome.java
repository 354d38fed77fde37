package io.werkraum.store;

import io.werkraum.board.ErrorCode;

/**
 * What the store did with a command: committed at {@code seq}, or refused with {@code error}.
 *
 * @param duplicate true when this is the recorded outcome of an earlier send of the same command
 * @param event the committed event in wire form, only for a first (not duplicate) success
 */
public record Outcome(long seq, ErrorCode error, boolean duplicate, String event) {
  public boolean ok() {
    return error == null;
  }
}
