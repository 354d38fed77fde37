package io.werkraum.store;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One stream as a client catches up on it: either the events after its sequence number (wire
 * form, in order) or the full state at {@code seq}.
 */
public record StreamRead(long seq, List<String> events, JsonObject state) {
  public boolean isDelta() {
    return state == null;
  }

  public JsonObject toJson() {
    if (isDelta()) {
      JsonObject delta = new JsonObject().put("mode", "delta").put("seq", seq);
      io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
      events.forEach(e -> list.add(new JsonObject(e)));
      return delta.put("events", list);
    }
    return new JsonObject().put("mode", "full").put("seq", seq).put("state", state);
  }
}
