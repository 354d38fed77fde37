package io.werkraum.protocol;

import java.util.List;

/**
 * The note colours, by name on the wire and as light tints that keep dark text ({@link #TEXT})
 * at 7:1 contrast or more: the board, the exports and the colour picker all show these.
 */
public enum Palette {
  YELLOW("yellow", "#fff3a8"),
  ORANGE("orange", "#ffd8a8"),
  PINK("pink", "#ffd1e3"),
  PURPLE("purple", "#e4d7ff"),
  BLUE("blue", "#cfe4ff"),
  TEAL("teal", "#c4f0ea"),
  GREEN("green", "#d3f2c7"),
  GREY("grey", "#e3e6ea");

  /** The colour of note text on every tint. */
  public static final String TEXT = "#1a1f24";
  public static final Palette DEFAULT = YELLOW;

  private final String wire;
  private final String fill;

  Palette(String wire, String fill) {
    this.wire = wire;
    this.fill = fill;
  }

  public String wire() {
    return wire;
  }

  public String fill() {
    return fill;
  }

  public static List<String> names() {
    return java.util.Arrays.stream(values()).map(Palette::wire).toList();
  }

  /** The fill of a colour name; the default's for an unknown one. */
  public static String fillOf(String name) {
    for (Palette p : values()) {
      if (p.wire.equals(name)) {
        return p.fill;
      }
    }
    return DEFAULT.fill;
  }
}
