package io.werkraum.protocol;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.board.BoardEvent;
import io.werkraum.testing.NodeTest;
import io.werkraum.testing.TestNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The server's side of the protocol contract: the browser gets exactly what the protocol package
 * says (its generated script and palette, served by the running server), every stored event type
 * has its one event record, and the client can show every error code in both languages. (The
 * client's side, in the web client's tests, checks that its modules use only these.)
 */
class ProtocolContractTest extends NodeTest {
  @Test
  void theServerServesTheProtocolScriptAndPaletteAsThePackageWritesThem() {
    // Where the start page has the browser load the client build from.
    Matcher palettePath = Pattern.compile("href=\"(/v/[^/\"]+/)css/palette\\.css\"").matcher(node.get("/", null).body());
    assertTrue(palettePath.find(), "the start page links the palette");
    String build = palettePath.group(1);
    TestNode.HttpResult script = node.get(build + "js/protocol.js", null);
    assertEquals(200, script.status());
    assertEquals(ProtocolScript.javascript(), script.body());
    assertTrue(script.body().contains("export const PROTOCOL_VERSION = " + Protocol.VERSION + ";"));
    TestNode.HttpResult palette = node.get(build + "css/palette.css", null);
    assertEquals(200, palette.status());
    assertEquals(ProtocolScript.css(), palette.body());
  }

  @Test
  void theScriptNamesEveryTypeCodeLimitAndColour() {
    String script = ProtocolScript.javascript();
    for (CommandType t : CommandType.values()) {
      assertTrue(script.contains("'" + t.wire() + "'"), t.wire());
    }
    for (EventType t : EventType.values()) {
      assertTrue(script.contains("'" + t.wire() + "': '" + t.stream().name().toLowerCase() + "'"), t.wire());
    }
    for (ErrorCode c : ErrorCode.values()) {
      assertTrue(script.contains("'" + c.code() + "'"), c.code());
    }
    for (Palette p : Palette.values()) {
      assertTrue(ProtocolScript.css().contains("--note-" + p.wire() + ": " + p.fill() + ";"), p.wire());
    }
    assertTrue(script.contains("noteTextMax: " + Limits.NOTE_TEXT_MAX + ","));
    assertTrue(script.contains("commandsInFlight: " + Limits.COMMANDS_IN_FLIGHT + ","));
  }

  @Test
  void everyStoredEventTypeHasExactlyOneEventRecord() throws ReflectiveOperationException {
    Set<EventType> seen = EnumSet.noneOf(EventType.class);
    for (Class<?> record : BoardEvent.class.getPermittedSubclasses()) {
      RecordComponent[] components = record.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = types[i] == long.class ? 0L : types[i] == boolean.class ? false : null;
      }
      Constructor<?> canonical = record.getDeclaredConstructor(types);
      EventType type = ((BoardEvent) canonical.newInstance(values)).type();
      assertTrue(seen.add(type), type.wire() + " has two records");
    }
    assertEquals(EnumSet.allOf(EventType.class), seen);
  }

  @Test
  void everyErrorCodeHasAMessageInGermanAndEnglish() throws IOException {
    for (String language : Set.of("de", "en")) {
      JsonObject errors = i18n(language).getJsonObject("error");
      Set<String> missing = EnumSet.allOf(ErrorCode.class).stream().map(ErrorCode::code)
          .filter(code -> errors.getString(code, "").isBlank()).collect(Collectors.toSet());
      assertEquals(Set.of(), missing, language);
    }
  }

  private static JsonObject i18n(String language) throws IOException {
    try (InputStream in = ProtocolContractTest.class.getResourceAsStream("/webroot/i18n/" + language + ".json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
