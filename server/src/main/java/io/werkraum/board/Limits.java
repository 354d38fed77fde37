package io.werkraum.board;

import java.util.List;
import java.util.regex.Pattern;

/** Every size and count limit of the domain, in one place. */
public final class Limits {
  public static final int NOTE_TEXT_MAX = 2_000;
  public static final int TITLE_MAX = 128;
  public static final int NAME_MAX = 128;
  public static final int NOTES_PER_ROOM_MAX = 5_000;
  public static final int SECTIONS_PER_ROOM_MAX = 500;
  public static final double COORDINATE_MAX = 1_000_000;
  public static final double NOTE_SIZE_MIN = 40;
  public static final double NOTE_SIZE_MAX = 2_000;
  public static final double NOTE_SIZE_DEFAULT = 200;
  public static final double SECTION_SIZE_MIN = 80;
  public static final double SECTION_SIZE_MAX = 20_000;
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  public static final String MAIN_ROOM = "main";
  public static final List<String> NOTE_COLORS =
      List.of("yellow", "orange", "pink", "purple", "blue", "teal", "green", "grey");
  public static final String NOTE_COLOR_DEFAULT = "yellow";
  public static final int BROADCAST_MAX = 500;
  public static final long TIMER_MAX_MS = 24L * 3600 * 1000;
  public static final int ROUNDS_MAX = 200;
  public static final int ROOMS_MAX = 50;
  public static final int SNAPSHOTS_MAX = 500;
  public static final int VOTES_MAX = 99;
  public static final int VOTES_DEFAULT = 5;
  public static final int VOTES_PER_NOTE_DEFAULT = 3;
  public static final long ROUND_DURATION_MIN_MS = 10_000;
  public static final long ROUND_DURATION_MAX_MS = 2L * 3600 * 1000;
  public static final double ZOOM_MIN = 0.05;
  public static final double ZOOM_MAX = 8;

  private Limits() {}
}
