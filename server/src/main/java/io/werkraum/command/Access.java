package io.werkraum.command;

import io.werkraum.board.Role;

/** Who may send a command. Room rules (a participant acts only in their room) are checked with the write. */
public enum Access {
  /** Everyone on the board, observers too: reads. */
  EVERYONE,
  /** Participants and facilitators; observers change nothing. */
  MEMBERS,
  FACILITATORS;

  public boolean permits(Role role) {
    return switch (this) {
      case EVERYONE -> true;
      case MEMBERS -> role != Role.OBSERVER;
      case FACILITATORS -> role == Role.FACILITATOR;
    };
  }
}
