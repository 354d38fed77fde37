package io.werkraum.facilitation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Command.GetLinks;
import io.werkraum.board.Command.LinkKind;
import io.werkraum.board.Command.RemoveParticipant;
import io.werkraum.board.Command.RenewLink;
import io.werkraum.board.Command.TimerCommand;
import io.werkraum.board.Decider;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Permissions;
import io.werkraum.board.Rejection;
import io.werkraum.board.Timer;
import io.werkraum.service.BoardService;
import io.werkraum.service.Publisher;
import io.werkraum.store.BoardStore;

/** What facilitators steer beyond plain settings: the timer, the links, removing people. */
public final class FacilitationService {
  private final BoardStore store;
  private final BoardService boards;
  private final Publisher publisher;

  public FacilitationService(BoardStore store, BoardService boards, Publisher publisher) {
    this.store = store;
    this.boards = boards;
    this.publisher = publisher;
  }

  /**
   * A timer change computed from the timer as stored; if another facilitator changed the
   * settings in between, it is computed again from theirs.
   */
  public Future<JsonObject> timer(Actor actor, TimerCommand command) {
    return timer(actor, command, 3);
  }

  private Future<JsonObject> timer(Actor actor, TimerCommand command, int attempts) {
    return store.settings(actor.boardId()).compose(settings -> {
      long now = System.currentTimeMillis();
      var mutation = Decider.timer(actor, command, Timer.from(settings.getMap().get("timer")),
          settings.getLong("v", 0L), now);
      return boards.apply(actor, command, mutation, now);
    }).map(seq -> new JsonObject().put("ok", true).put("seq", seq)).recover(err -> {
      if (attempts > 1 && err instanceof Rejection r && r.code() == ErrorCode.CONFLICT) {
        // Settings moved on under us; the idempotency record of this attempt says conflict, so
        // the retry carries a derived command id.
        return timer(actor, new TimerCommand(command.commandId() + "r", command.action(), command.ms()), attempts - 1);
      }
      return Future.failedFuture(err);
    });
  }

  public Future<JsonObject> remove(Actor actor, RemoveParticipant command) {
    return boards.execute(actor, command).map(seq -> {
      publisher.kick(actor.boardId(), command.id());
      return new JsonObject().put("ok", true).put("seq", seq);
    });
  }

  public Future<JsonObject> links(Actor actor, GetLinks command) {
    Permissions.check(actor, command);
    return store.board(actor.boardId()).compose(board -> board.observerCode() == null
        ? renewCode(board.id(), LinkKind.OBSERVER).compose(v -> store.board(board.id()))
        : Future.succeededFuture(board)).map(FacilitationService::linksReply);
  }

  /** A new code for the link: the old link no longer lets anyone join. */
  public Future<JsonObject> renew(Actor actor, RenewLink command) {
    Permissions.check(actor, command);
    return renewCode(actor.boardId(), command.kind())
        .compose(v -> store.board(actor.boardId()))
        .map(FacilitationService::linksReply);
  }

  private Future<Void> renewCode(String boardId, LinkKind kind) {
    return store.renewCode(boardId, kind == LinkKind.PARTICIPANT ? "joinCode" : "observerCode",
        TokenService.randomId(12));
  }

  /** The links as paths: the browser knows its own origin; the server behind a proxy may not. */
  private static JsonObject linksReply(Board board) {
    if (board == null) {
      throw new Rejection(ErrorCode.NOT_FOUND, "no such board");
    }
    String base = "/b/" + board.id();
    return new JsonObject().put("ok", true).put("links", new JsonObject()
        .put("facilitator", base + "#f=" + board.facilitatorSecret())
        .put("participant", base + "#j=" + board.joinCode())
        .put("observer", base + "#o=" + board.observerCode()));
  }
}
