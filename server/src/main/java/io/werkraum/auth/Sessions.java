package io.werkraum.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Rejection;
import io.werkraum.store.BoardStore;

/**
 * What a join token is good for, checked against the store: the person it names must still be on
 * the board (a removed participant's token verifies but opens nothing).
 */
public final class Sessions {
  private final TokenService tokens;
  private final BoardStore store;

  public Sessions(TokenService tokens, BoardStore store) {
    this.tokens = tokens;
    this.store = store;
  }

  public TokenService tokens() {
    return tokens;
  }

  /**
   * Who a token belongs to: {participant, board}, or null when the token or participant is gone;
   * fails with board_gone when the board is.
   */
  public Future<JsonObject> session(String token) {
    Actor actor = tokens.verify(token);
    if (actor == null) {
      return Future.succeededFuture(null);
    }
    return Future.all(store.participant(actor.boardId(), actor.participantId()), store.board(actor.boardId()))
        .map(both -> {
          JsonObject participant = both.resultAt(0);
          Board board = both.resultAt(1);
          if (board == null) {
            throw Rejection.boardGone();
          }
          if (participant == null) {
            return null;
          }
          return new JsonObject().put("participant", participant).put("board", BoardStore.publicBoard(board));
        });
  }

  /**
   * A short-lived ticket that opens one socket, for the holder of a join token whose participant
   * is still on the board: {boardId, ticket, expiresAt}; null otherwise.
   */
  public Future<JsonObject> ticket(String token) {
    Actor actor = tokens.verify(token);
    if (actor == null) {
      return Future.succeededFuture(null);
    }
    return store.participant(actor.boardId(), actor.participantId()).map(participant -> {
      if (participant == null) {
        return null;
      }
      long expiresAt = System.currentTimeMillis() + TokenService.TICKET_LIFETIME_MS;
      return new JsonObject().put("boardId", actor.boardId()).put("ticket", tokens.issueTicket(actor, expiresAt))
          .put("expiresAt", expiresAt);
    });
  }

  /** Who a token names while they are still on its board; fails with not_allowed otherwise. */
  public Future<Actor> member(String token, String boardId) {
    Actor actor = tokens.verify(token);
    if (actor == null || !actor.boardId().equals(boardId)) {
      return Future.failedFuture(Rejection.notAllowed("the session is not valid"));
    }
    return store.participant(boardId, actor.participantId()).compose(me -> me == null
        ? Future.failedFuture(Rejection.notAllowed("the session is not valid"))
        : Future.succeededFuture(actor));
  }

  /**
   * The facilitator a join token names, while they are still on the board; fails with
   * not_allowed for anyone else (participants, removed people, tokens of other boards).
   */
  public Future<Actor> facilitator(String token, String boardId) {
    return member(token, boardId).compose(actor -> actor.isFacilitator()
        ? Future.succeededFuture(actor)
        : Future.failedFuture(Rejection.notAllowed("only facilitators may do this")));
  }
}
