package io.werkraum.board;

/** A room of a board: the plenary ({@code main}) or a breakout room. */
public record RoomInfo(String id, String name, String kind, long createdAt) {
  public static final String PLENARY = "plenary";
  public static final String BREAKOUT = "breakout";
}
