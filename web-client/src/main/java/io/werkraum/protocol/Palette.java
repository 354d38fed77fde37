package io.werkraum.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

  private static final List<String> NAMES = Arrays.stream(values()).map(Palette::wire).toList();
  private static final Map<String, Palette> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Palette::wire, Function.identity()));

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

  /** The colour names, in palette order (one immutable list). */
  public static List<String> names() {
    return NAMES;
  }

  /** The fill of a colour name; the default's for an unknown one. */
  public static String fillOf(String name) {
    Palette p = name == null ? null : BY_WIRE.get(name);
    return (p == null ? DEFAULT : p).fill;
  }
}
