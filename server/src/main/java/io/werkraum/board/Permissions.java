package io.werkraum.board;

/** The one place that decides which role may send which command. */
public final class Permissions {
  private Permissions() {}

  public static void check(Actor actor, Command command) {
    if (command instanceof Command.Sync) {
      return;
    }
    if (actor.role() == Role.OBSERVER) {
      throw new Rejection(ErrorCode.NOT_ALLOWED, "observers cannot change the board");
    }
  }
}
