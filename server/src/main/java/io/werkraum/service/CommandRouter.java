package io.werkraum.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Command;
import io.werkraum.board.Command.*;
import io.werkraum.board.Permissions;
import io.werkraum.board.SnapshotInfo;
import io.werkraum.snapshots.SnapshotService;
import io.werkraum.facilitation.FacilitationService;
import io.werkraum.rooms.RoomAccess;
import io.werkraum.rooms.RoomsService;
import io.werkraum.voting.VotingService;

/** Sends each command to the use case that handles it and shapes the reply. */
public final class CommandRouter {
  private final BoardService boards;
  private final VotingService voting;
  private final FacilitationService facilitation;
  private final RoomsService rooms;
  private final RoomAccess access;
  private final SnapshotService snapshots;

  public CommandRouter(BoardService boards, VotingService voting, FacilitationService facilitation,
      RoomsService rooms, RoomAccess access, SnapshotService snapshots) {
    this.boards = boards;
    this.voting = voting;
    this.facilitation = facilitation;
    this.rooms = rooms;
    this.access = access;
    this.snapshots = snapshots;
  }

  /**
   * The reply body for a command: {@code {ok:true, ...}}; refusals fail with a Rejection. A
   * command acting in a room is refused unless the sender may be in that room now.
   */
  public Future<JsonObject> handle(Actor actor, Command command) {
    Permissions.check(actor, command);
    return access.check(actor, command.room()).compose(v -> route(actor, command));
  }

  private Future<JsonObject> route(Actor actor, Command command) {
    if (command instanceof Sync sync) {
      return Future.all(boards.sync(actor, sync), voting.syncPart(actor))
          .map(both -> ((JsonObject) both.resultAt(0)).mergeIn(both.resultAt(1)).put("ok", true));
    }
    if (command instanceof WatchRooms c) {
      return boards.watchRooms(actor, c).map(rooms -> new JsonObject().put("ok", true).put("rooms", rooms));
    }
    if (command instanceof CastVote c) {
      return voting.cast(actor, c);
    }
    if (command instanceof RetractVote c) {
      return voting.retract(actor, c);
    }
    if (command instanceof StartRound c) {
      return voting.start(actor, c);
    }
    if (command instanceof CloseRound c) {
      return voting.close(actor, c);
    }
    if (command instanceof CreateRooms c) {
      return rooms.create(actor, c);
    }
    if (command instanceof AssignRooms c) {
      return rooms.assign(actor, c);
    }
    if (command instanceof MoveParticipant c) {
      return rooms.move(actor, c);
    }
    if (command instanceof ChooseRoom c) {
      return rooms.choose(actor, c);
    }
    if (command instanceof HarvestRoom c) {
      return rooms.harvest(actor, c);
    }
    if (command instanceof TakeSnapshot c) {
      return snapshots.take(actor, c);
    }
    if (command instanceof SetBreakout c && !c.open()) {
      // Closing the rooms is a moment worth keeping: what every room produced.
      return boards.execute(actor, command).map(seq -> {
        snapshots.takeOnOccasion(actor.boardId(), SnapshotInfo.ROOMS_CLOSED, null);
        return new JsonObject().put("ok", true).put("seq", seq);
      });
    }
    if (command instanceof TimerCommand c) {
      return facilitation.timer(actor, c);
    }
    if (command instanceof RemoveParticipant c) {
      return facilitation.remove(actor, c);
    }
    if (command instanceof GetLinks c) {
      return facilitation.links(actor, c);
    }
    if (command instanceof RenewLink c) {
      return facilitation.renew(actor, c);
    }
    return boards.execute(actor, command).map(seq -> new JsonObject().put("ok", true).put("seq", seq));
  }
}
