package io.werkraum.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a browser sends on {@link Addresses#PRESENCE}; the server relays it in the room's batches. */
public enum PresenceKind {
  CURSOR("cursor"),
  /** A note being dragged, before its new position is stored. */
  DRAG("drag"),
  DRAG_END("drag.end"),
  /** Facilitators only: the view people following them see. */
  VIEWPORT("viewport"),
  /** A note whose text the sender is writing (repeated while the editor is open; others show "Anna is typing"). */
  EDITING("editing"),
  EDIT_END("edit.end"),
  /** The sender left the room: drop their cursor at once. */
  LEAVE("leave");

  private static final Map<String, PresenceKind> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(PresenceKind::wire, Function.identity()));

  private final String wire;

  PresenceKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The kind with this wire name, or null. */
  public static PresenceKind of(Object wire) {
    return wire instanceof String s ? BY_WIRE.get(s) : null;
  }
}
