package io.werkraum.protocol;

/**
 * The wire protocol between browser and server, one artifact: its version, here; every message
 * type ({@link CommandType}, {@link EventType}, {@link MessageType}, {@link PresenceKind}), every
 * limit ({@link Limits}), the note palette ({@link Palette}), the error codes ({@link ErrorCode})
 * and the addresses ({@link Addresses}) in this package. The browser gets the same facts from
 * {@code js/protocol.js} and {@code css/palette.css}, which {@link ProtocolScript} writes from
 * these classes when the client is built: the client copies nothing by hand.
 */
public final class Protocol {
  /**
   * Raised whenever a message changes shape. {@code sync} carries the browser's version; a browser
   * of another version is told {@code client_outdated} and reloads itself, keeping its unsent work.
   */
  public static final int VERSION = 2;

  /**
   * The code a socket is closed with when its board no longer exists (deleted, or past its
   * retention): the browser stops reconnecting and says so.
   */
  public static final int CLOSE_BOARD_GONE = 4410;

  /**
   * The code a socket is closed with when its participant was removed from the board or their
   * data erased: the browser stops reconnecting with a token that no longer opens anything.
   */
  public static final int CLOSE_REMOVED = 4403;

  /** The author of a note whose writer's data was erased and who chose to leave it, anonymised. */
  public static final String ANONYMOUS_AUTHOR = "anonymous";

  private Protocol() {}
}
