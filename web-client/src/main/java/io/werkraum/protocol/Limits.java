package io.werkraum.protocol;

import java.util.regex.Pattern;

/** Every size, count and rate limit of the protocol, in one place. */
public final class Limits {
  public static final int NOTE_TEXT_MAX = 2_000;
  public static final int TITLE_MAX = 128;
  public static final int NAME_MAX = 128;
  public static final int BROADCAST_MAX = 500;
  public static final int NOTES_PER_ROOM_MAX = 5_000;
  public static final int SECTIONS_PER_ROOM_MAX = 500;
  public static final double COORDINATE_MAX = 1_000_000;
  public static final double NOTE_SIZE_MIN = 40;
  public static final double NOTE_SIZE_MAX = 2_000;
  public static final double NOTE_WIDTH_DEFAULT = 200;
  public static final double NOTE_HEIGHT_DEFAULT = 150;
  public static final double SECTION_SIZE_MIN = 80;
  public static final double SECTION_SIZE_MAX = 20_000;
  public static final double SECTION_WIDTH_DEFAULT = 600;
  public static final double SECTION_HEIGHT_DEFAULT = 400;
  public static final double ZOOM_MIN = 0.05;
  public static final double ZOOM_MAX = 8;
  /** Ids of boards, rooms, notes, sections, rounds and commands. */
  public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
  public static final Pattern ID = Pattern.compile(ID_PATTERN);
  public static final String MAIN_ROOM = "main";
  public static final int ROOMS_MAX = 50;
  public static final int ROUNDS_MAX = 200;
  public static final int SNAPSHOTS_MAX = 500;
  public static final int SECTIONS_PER_ROUND_MAX = 100;
  public static final int VOTES_MAX = 99;
  public static final int VOTES_DEFAULT = 5;
  public static final int VOTES_PER_NOTE_DEFAULT = 3;
  public static final long ROUND_DURATION_MIN_MS = 10_000;
  public static final long ROUND_DURATION_MAX_MS = 2L * 3600 * 1000;
  public static final long TIMER_MIN_MS = 1_000;
  public static final long TIMER_MAX_MS = 24L * 3600 * 1000;
  /** Longest time zone id a board takes (the longest IANA id has 32 characters). */
  public static final int TIME_ZONE_MAX = 64;
  /** Sustained commands a second one socket gets applied; more wait their turn. */
  public static final int COMMANDS_PER_SECOND = 20;
  /** Commands one socket may have applied at once before the sustained rate holds. */
  public static final int COMMAND_BURST = 60;
  /** Commands a browser keeps in flight on one socket; a socket's queue holds at most twice this. */
  public static final int COMMANDS_IN_FLIGHT = 16;
  /** Presence messages (cursor, drag, viewport) a browser sends a second, per kind. */
  public static final int PRESENCE_PER_SECOND = 20;
  /** How often the server sends a room's presence batch. */
  public static final int PRESENCE_TICK_MS = 50;
  /** Largest WebSocket message a browser may send. */
  public static final int FRAME_MAX_BYTES = 64 * 1024;
  /** Deepest nesting of objects and arrays in one bridge frame. */
  public static final int FRAME_MAX_DEPTH = 16;
  /** Event bus handlers (registrations) one socket may hold. */
  public static final int REGISTRATIONS_MAX = 16;

  private Limits() {}
}
