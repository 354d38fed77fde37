package io.werkraum.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
      JsonArray list = new JsonArray();
      events.forEach(e -> list.add(new JsonObject(e)));
      return new JsonObject().put("mode", "delta").put("seq", seq).put("events", list);
    }
    return new JsonObject().put("mode", "full").put("seq", seq).put("state", state);
  }

  /**
   * A stream part as the read scripts answer it: {@code {seq, 'delta', id, fields, ...}} (the op
   * log's entries) or {@code {seq, 'full', ...}}, whose full state {@code full} builds.
   */
  static StreamRead parse(Response part, Function<Response, JsonObject> full) {
    long seq = part.get(0).toLong();
    if (!"delta".equals(part.get(1).toString())) {
      return new StreamRead(seq, null, full.apply(part));
    }
    List<String> events = new ArrayList<>();
    for (int i = 2; i + 1 < part.size(); i += 2) {
      String id = part.get(i).toString();
      Response fields = part.get(i + 1);
      String event = null;
      String hidden = null;
      for (int f = 0; f + 1 < fields.size(); f += 2) {
        String name = fields.get(f).toString();
        if (name.equals("e")) {
          event = fields.get(f + 1).toString();
        } else if (name.equals("h")) {
          hidden = fields.get(f + 1).toString();
        }
      }
      events.add(EventCodec.wire(event, Long.parseLong(id.substring(0, id.indexOf('-'))), hidden));
    }
    return new StreamRead(seq, events, null);
  }
}
