package io.werkraum.realtime;

import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.Limits;

/**
 * The addresses nodes use among themselves, never bridged to browsers, and the rule of which
 * bridged addresses a socket may listen on.
 */
final class Bus {
  /** Cluster-wide: a room's presence batch, encoded once, for every node's sockets. */
  static final String PRESENCE_OUT = "werkraum.presence.out";
  /** This node only: a socket closed; its queued commands are dropped. */
  static final String SOCKET_CLOSED = "werkraum.socket.closed";

  private Bus() {}

  /**
   * Whether a socket of {@code participantId} on {@code boardId} may listen on {@code address}:
   * its board, a room of its board, its own personal address, and, for facilitators, the
   * facilitators' address; nothing else, whatever a regex would let through. Which room a
   * participant may hear is decided per room by the guard.
   */
  static boolean mayListen(String address, String boardId, String participantId, boolean facilitator) {
    if (address.equals(Addresses.board(boardId)) || address.equals(Addresses.personal(boardId, participantId))) {
      return true;
    }
    if (address.equals(Addresses.facilitators(boardId))) {
      return facilitator;
    }
    String room = Addresses.roomOf(address, boardId);
    return room != null && Limits.ID.matcher(room).matches();
  }
}
