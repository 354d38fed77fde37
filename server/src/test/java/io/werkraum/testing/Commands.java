package io.werkraum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import io.werkraum.board.Rejection;
import io.werkraum.command.CommandTable;
import io.werkraum.config.ConfigLoader;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.realtime.RealtimeVerticle;
import java.util.Map;

/** Reading command bodies by the server's own table, without Vert.x or Redis. */
public final class Commands {
  /** The table as the server builds it; its parsers touch nothing but the body. */
  public static final CommandTable TABLE = RealtimeVerticle.commandTable(null, null,
      ConfigLoader.load(new String[0], Map.of()), null);

  private Commands() {}

  /** A body written with single quotes for readability. */
  public static JsonObject json(String text) {
    return new JsonObject(text.replace('\'', '"'));
  }

  /** The parsed command of a body that must be accepted. */
  public static Object read(Object body) {
    return TABLE.read(body instanceof String text && text.startsWith("{") ? json(text) : body).command();
  }

  /** Asserts the body is refused with {@code code}; the refusal. */
  public static Rejection assertRejected(ErrorCode code, Object body) {
    Rejection r = assertThrows(Rejection.class, () -> read(body), String.valueOf(body));
    assertEquals(code, r.code(), r.getMessage());
    assertNotNull(r.getMessage());
    return r;
  }

  public static Rejection assertInvalid(Object body) {
    return assertRejected(ErrorCode.INVALID_INPUT, body);
  }
}
