package io.werkraum.board;

import io.werkraum.board.Command.*;
import java.util.Set;

/** The one place that decides which role may send which command. */
public final class Permissions {
  private static final Set<Class<? extends Command>> FACILITATOR_ONLY = Set.of(
      LockBoard.class, Spotlight.class, BringToView.class, Follow.class, Broadcast.class,
      TimerCommand.class, RemoveParticipant.class, GetLinks.class, RenewLink.class,
      StartRound.class, CloseRound.class, ShowRound.class,
      SetPrivateWriting.class, RevealNotes.class, CreateRooms.class, AssignRooms.class, MoveParticipant.class, SetBreakout.class, HarvestRoom.class,
      TakeSnapshot.class, WatchRooms.class);

  private Permissions() {}

  public static void check(Actor actor, Command command) {
    if (command instanceof Sync) {
      return;
    }
    if (actor.role() == Role.OBSERVER) {
      throw new Rejection(ErrorCode.NOT_ALLOWED, "observers cannot change the board");
    }
    if (actor.role() != Role.FACILITATOR && FACILITATOR_ONLY.contains(command.getClass())) {
      throw new Rejection(ErrorCode.NOT_ALLOWED, "only facilitators may do this");
    }
  }
}
