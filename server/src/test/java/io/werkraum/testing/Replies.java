package io.werkraum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;

/** The one way tests check a command's reply: {@code {ok:true, ...}} or {@code {ok:false, code, message}}. */
public final class Replies {
  private Replies() {}

  public static JsonObject assertOk(JsonObject reply) {
    return assertOk(reply, "");
  }

  /** As {@link #assertOk(JsonObject)}, {@code context} saying what was sent (and by whom). */
  public static JsonObject assertOk(JsonObject reply, String context) {
    assertEquals(true, reply.getBoolean("ok"), (context.isEmpty() ? "" : context + ": ") + reply.encode());
    return reply;
  }

  /** Accepted as the change with sequence number {@code seq}. */
  public static JsonObject assertOk(JsonObject reply, long seq) {
    assertOk(reply);
    assertEquals(seq, reply.getLong("seq"), reply.encode());
    return reply;
  }

  /** Refused with {@code code} and a message saying why. */
  public static void assertError(String code, JsonObject reply) {
    assertError(code, reply, "");
  }

  /** As {@link #assertError(String, JsonObject)}, {@code context} saying what was refused. */
  public static void assertError(String code, JsonObject reply, String context) {
    String what = (context.isEmpty() ? "" : context + ": ") + reply.encode();
    assertEquals(false, reply.getBoolean("ok"), what);
    assertEquals(code, reply.getString("code"), what);
    assertNotNull(reply.getString("message"), what);
  }
}
