package io.werkraum.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Rejection;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.store.BoardStore;
import java.util.List;

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
   * is still on the board: {boardId, ticket, expiresAt}; null otherwise. On a board whose
   * facilitators must sign in, a facilitator gets one only while signed in ({@code signedIn}) as
   * the owner they joined as; otherwise this fails with sign_in_required.
   */
  public Future<JsonObject> ticket(String token, SignedIn signedIn) {
    Actor actor = tokens.verify(token);
    if (actor == null) {
      return Future.succeededFuture(null);
    }
    return store.participant(actor.boardId(), actor.participantId()).compose(participant -> {
      if (participant == null) {
        return Future.succeededFuture(null);
      }
      if (participant.getBoolean("waiting", false)) {
        // Nothing of the board reaches someone in the waiting room: no socket.
        return Future.failedFuture(new Rejection(ErrorCode.WAITING_FOR_ADMISSION, "a facilitator has not let you in yet"));
      }
      return actor.isFacilitator() ? facilitatorSignedIn(actor, signedIn).map(ok -> participant)
          : Future.succeededFuture(participant);
    }).map(participant -> {
      if (participant == null) {
        return null;
      }
      long expiresAt = System.currentTimeMillis() + TokenService.TICKET_LIFETIME_MS;
      return new JsonObject().put("boardId", actor.boardId()).put("ticket", tokens.issueTicket(actor, expiresAt))
          .put("expiresAt", expiresAt);
    });
  }

  /**
   * Succeeds when the board lets this facilitator in: its facilitators need not sign in, or
   * {@code signedIn} is the owner the facilitator joined as. Fails with sign_in_required otherwise.
   */
  private Future<Void> facilitatorSignedIn(Actor facilitator, SignedIn signedIn) {
    return store.settings(facilitator.boardId()).compose(settings -> {
      if (!settings.getBoolean("facilitatorSignIn", false)) {
        return Future.succeededFuture();
      }
      Rejection refusal = new Rejection(ErrorCode.SIGN_IN_REQUIRED, "this board's facilitators must sign in");
      if (signedIn == null) {
        return Future.failedFuture(refusal);
      }
      return store.ownerOf(facilitator.boardId(), facilitator.participantId()).compose(owner ->
          signedIn.subject().equals(owner) ? Future.succeededFuture() : Future.failedFuture(refusal));
    });
  }

  /**
   * For a facilitator of the board: its owners ({name, email} each) and whether this facilitator
   * joined as one of them ({@code mine}), which lets them switch whether facilitators must sign in.
   */
  public Future<JsonObject> owners(String token, String boardId) {
    return facilitator(token, boardId).compose(actor -> Future.all(store.owners(boardId),
            store.ownerOf(boardId, actor.participantId()))
        .map(both -> new JsonObject().put("owners", new JsonArray(both.<List<JsonObject>>resultAt(0)))
            .put("mine", both.resultAt(1) != null)));
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
