package io.werkraum.board;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a participant may do on a board. */
public enum Role {
  FACILITATOR("facilitator"),
  PARTICIPANT("participant"),
  OBSERVER("observer");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Role fromWire(String wire) {
    for (Role r : values()) {
      if (r.wire.equals(wire)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role " + wire);
  }
}
