package io.werkraum.voting;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Command.CastVote;
import io.werkraum.board.Command.CloseRound;
import io.werkraum.board.Command.RetractVote;
import io.werkraum.board.Command.StartRound;
import io.werkraum.board.Decider;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Permissions;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.board.Round;
import io.werkraum.board.SnapshotInfo;
import io.werkraum.rooms.RoomAccess;
import io.werkraum.snapshots.SnapshotService;
import io.werkraum.service.BoardService;
import io.werkraum.service.Publisher;
import io.werkraum.store.BoardStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Dot voting: rounds start and close on the board stream; votes are counted atomically in Redis
 * (budget and per-note cap hold across tabs and nodes) and stay hidden while a round is open:
 * each voter learns only their own votes, the facilitators only the progress.
 */
public final class VotingService {
  /** Who closes rounds whose time ran out. */
  private static final String SYSTEM = "werkraum";

  private final Vertx vertx;
  private final BoardStore store;
  private final BoardService boards;
  private final Publisher publisher;
  private final RoomAccess access;
  private final SnapshotService snapshots;

  public VotingService(Vertx vertx, BoardStore store, BoardService boards, Publisher publisher, RoomAccess access,
      SnapshotService snapshots) {
    this.vertx = vertx;
    this.store = store;
    this.boards = boards;
    this.publisher = publisher;
    this.access = access;
    this.snapshots = snapshots;
  }

  public Future<JsonObject> start(Actor actor, StartRound command) {
    long now = System.currentTimeMillis();
    var mutation = Decider.decide(actor, command, now);
    return store.rounds(actor.boardId()).compose(rounds -> {
      if (rounds.stream().anyMatch(r -> Round.OPEN.equals(r.getString("status"))
          && !r.getString("id").equals(command.round().id()))) {
        return Future.failedFuture(new Rejection(ErrorCode.CONFLICT, "close the open round first"));
      }
      return boards.apply(actor, command, mutation, now);
    }).map(seq -> {
      // Facilitators see at once who has not voted yet (everyone, in a named round).
      store.round(actor.boardId(), command.round().id())
          .compose(round -> progress(actor.boardId(), round))
          .onSuccess(p -> publisher.toFacilitators(actor.boardId(), p));
      Long duration = command.round().durationMs();
      if (duration != null) {
        // Best effort: votes after the end are refused by the store anyway, and an overdue round
        // is closed on the next vote or sync if this node is gone by then.
        vertx.setTimer(duration + 250, id -> closeOverdue(actor.boardId(), command.round().id()));
      }
      return ok(seq);
    });
  }

  public Future<JsonObject> close(Actor actor, CloseRound command) {
    Permissions.check(actor, command);
    return store.round(actor.boardId(), command.round()).compose(round -> {
      if (round == null) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such round"));
      }
      long now = System.currentTimeMillis();
      return boards.apply(actor, command, Decider.closeRound(actor, command, round.getString("room")), now)
          .map(seq -> {
            // The results are a moment worth keeping.
            snapshots.takeOnOccasion(actor.boardId(), SnapshotInfo.ROUND_CLOSED, round.getString("title", ""));
            return ok(seq);
          });
    });
  }

  public Future<JsonObject> cast(Actor actor, CastVote command) {
    Permissions.check(actor, command);
    return vote(actor, command.commandId(), command.round(), command.note(), true);
  }

  public Future<JsonObject> retract(Actor actor, RetractVote command) {
    Permissions.check(actor, command);
    return vote(actor, command.commandId(), command.round(), command.note(), false);
  }

  private Future<JsonObject> vote(Actor actor, String commandId, String roundId, String note, boolean cast) {
    String board = actor.boardId();
    return store.round(board, roundId).compose(round -> {
      if (round == null) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such round"));
      }
      String room = round.getString("room");
      return access.check(actor, room).compose(v -> store.vote(board, actor.participantId(), commandId, roundId,
              room, note, cast, System.currentTimeMillis()))
          .compose(outcome -> {
            if (!outcome.ok()) {
              if (outcome.error() == ErrorCode.ROUND_CLOSED) {
                closeOverdue(board, roundId);
              }
              return Future.failedFuture(new Rejection(outcome.error(), "vote refused: " + outcome.error().code()));
            }
            JsonObject mine = new JsonObject().put("round", roundId).put("mine", outcome.mine())
                .put("remaining", outcome.remaining());
            if (!outcome.duplicate()) {
              publisher.toParticipant(board, actor.participantId(), mine.copy().put("type", "votes.mine"));
              progress(board, round).onSuccess(p -> publisher.toFacilitators(board, p));
            }
            return Future.succeededFuture(mine.put("ok", true));
          });
    });
  }

  /**
   * What a sync adds for voting: the sender's votes in the open round, and for facilitators its
   * progress. A round found past its end is closed on the way.
   */
  public Future<JsonObject> syncPart(Actor actor) {
    String board = actor.boardId();
    return store.rounds(board).compose(rounds -> {
      JsonObject open = rounds.stream().filter(r -> Round.OPEN.equals(r.getString("status"))).findFirst().orElse(null);
      JsonObject part = new JsonObject().putNull("voting");
      if (open == null) {
        return Future.succeededFuture(part);
      }
      String roundId = open.getString("id");
      Long endsAt = open.getLong("endsAt");
      if (endsAt != null && endsAt < System.currentTimeMillis()) {
        closeOverdue(board, roundId);
      }
      Future<JsonObject> mine = store.votesOf(board, roundId, actor.participantId());
      Future<JsonObject> progress = actor.role() == Role.FACILITATOR ? progress(board, open) : Future.succeededFuture();
      return Future.all(mine, progress).map(done -> {
        long used = mine.result().stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
        part.put("voting", new JsonObject().put("round", roundId).put("mine", mine.result())
            .put("remaining", open.getInteger("votesPerParticipant") - used));
        if (progress.result() != null) {
          part.put("progress", progress.result());
        }
        return part;
      });
    });
  }

  /**
   * How far an open round is: how many voted, how many votes; for named rounds who has voted.
   * Facilitators work out who has not from the participants they see, so people who join or
   * leave while the round is open are counted right without another message.
   */
  private Future<JsonObject> progress(String board, JsonObject round) {
    String roundId = round.getString("id");
    return store.voteTotals(board, roundId).map(totals -> {
      long votes = totals.stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
      JsonObject progress = new JsonObject().put("type", "round.progress").put("round", roundId)
          .put("voters", totals.size()).put("votes", votes);
      if (!round.getBoolean("anonymous", true)) {
        progress.put("voted", new JsonArray(new ArrayList<>(totals.fieldNames())));
      }
      return progress;
    });
  }

  private void closeOverdue(String board, String roundId) {
    Actor system = new Actor(board, SYSTEM, Role.FACILITATOR);
    close(system, new CloseRound("close-" + roundId, roundId)).onFailure(err -> {
      // Already closed by a facilitator or by another node: nothing to do.
    });
  }

  private static JsonObject ok(long seq) {
    return new JsonObject().put("ok", true).put("seq", seq);
  }
}
