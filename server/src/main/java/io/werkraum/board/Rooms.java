package io.werkraum.board;

import io.werkraum.protocol.Limits;

/**
 * Which room a participant is in: while the breakout rooms are open, the room they are assigned
 * to (the plenary when they have none); otherwise the plenary. Facilitators may enter any room.
 * The store's scripts apply the same rule inside every write (commit.lua, {@code roomOf}); a store
 * test holds the two equal.
 */
public final class Rooms {
  public static final String PLENARY = Limits.MAIN_ROOM;

  private Rooms() {}

  public static String current(String assignedRoom, boolean breakoutOpen) {
    return breakoutOpen && assignedRoom != null ? assignedRoom : PLENARY;
  }
}
