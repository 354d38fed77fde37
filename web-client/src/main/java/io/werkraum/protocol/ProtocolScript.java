package io.werkraum.protocol;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Writes the protocol for the browser: {@code js/protocol.js} (version, limits, palette, message
 * types, error codes, addresses) and {@code css/palette.css} (the note colours). Run by the client's
 * build, so the files always say what this package says.
 */
public final class ProtocolScript {
  private static final String HEADER =
      "Generated from the Java package io.werkraum.protocol when the client is built: do not edit.";

  private ProtocolScript() {}

  /** @param args the webroot folder to write into */
  public static void main(String[] args) throws IOException {
    Path webroot = Path.of(args[0]);
    write(webroot.resolve("js/protocol.js"), javascript());
    write(webroot.resolve("css/palette.css"), css());
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  public static String javascript() {
    StringBuilder js = new StringBuilder("// ").append(HEADER).append("\n\n");
    js.append("export const PROTOCOL_VERSION = ").append(Protocol.VERSION).append(";\n\n");
    js.append("export const CLOSE_BOARD_GONE = ").append(Protocol.CLOSE_BOARD_GONE).append(";\n\n");
    js.append("export const CLOSE_REMOVED = ").append(Protocol.CLOSE_REMOVED).append(";\n\n");
    js.append("export const ANONYMOUS_AUTHOR = ").append(quote(Protocol.ANONYMOUS_AUTHOR)).append(";\n\n");
    js.append("export const Limits = ").append(limits()).append(";\n\n");
    js.append("export const NOTE_COLORS = Object.freeze([")
        .append(join(Palette.values(), p -> quote(p.wire()))).append("]);\n\n");
    js.append("export const DEFAULT_NOTE_COLOR = ").append(quote(Palette.DEFAULT.wire())).append(";\n\n");
    js.append("export const Commands = ").append(names(CommandType.values(), CommandType::wire)).append(";\n\n");
    js.append("export const Events = ").append(names(EventType.values(), EventType::wire)).append(";\n\n");
    js.append("/** The stream each stored event is sequenced on: 'board' or 'room'. */\n");
    js.append("export const EVENT_STREAMS = Object.freeze({")
        .append(join(EventType.values(), e -> quote(e.wire()) + ": "
            + quote(e.stream().name().toLowerCase(Locale.ROOT))))
        .append("});\n\n");
    js.append("export const Messages = ").append(names(MessageType.values(), MessageType::wire)).append(";\n\n");
    js.append("export const PresenceKinds = ").append(names(PresenceKind.values(), PresenceKind::wire)).append(";\n\n");
    js.append("export const ErrorCodes = ").append(names(ErrorCode.values(), ErrorCode::code)).append(";\n\n");
    js.append("export const Addresses = Object.freeze({\n")
        .append("  commands: ").append(quote(Addresses.COMMANDS)).append(",\n")
        .append("  presence: ").append(quote(Addresses.PRESENCE)).append(",\n")
        .append("  board: (board) => ").append(template(Addresses.BOARD)).append(",\n")
        .append("  room: (board, room) => ").append(template(Addresses.ROOM)).append(",\n")
        .append("  personal: (board, participant) => ").append(template(Addresses.PERSONAL)).append(",\n")
        .append("  facilitators: (board) => ").append(template(Addresses.FACILITATORS)).append(",\n")
        .append("});\n");
    return js.toString();
  }

  public static String css() {
    StringBuilder css = new StringBuilder("/* ").append(HEADER).append(" */\n\n:root {\n");
    for (Palette p : Palette.values()) {
      css.append("  --note-").append(p.wire()).append(": ").append(p.fill()).append(";\n");
    }
    css.append("  --note-text: ").append(Palette.TEXT).append(";\n}\n\n");
    for (Palette p : Palette.values()) {
      css.append("[data-note-color=\"").append(p.wire()).append("\"] { --note-fill: var(--note-")
          .append(p.wire()).append("); }\n");
    }
    return css.toString();
  }

  /** Every public constant of {@link Limits} that is a number or a string, by camel-case name. */
  private static String limits() {
    StringJoiner entries = new StringJoiner(",\n", "Object.freeze({\n", ",\n})");
    for (Field field : Limits.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      Object value;
      try {
        value = field.get(null);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      String literal = value instanceof Number n ? number(n) : value instanceof String s ? quote(s) : null;
      if (literal != null) {
        entries.add("  " + camel(field.getName()) + ": " + literal);
      }
    }
    return entries.toString();
  }

  private static <T extends Enum<T>> String names(T[] values, Function<T, String> wire) {
    StringJoiner entries = new StringJoiner(",\n", "Object.freeze({\n", ",\n})");
    for (T value : values) {
      entries.add("  " + camel(value.name()) + ": " + quote(wire.apply(value)));
    }
    return entries.toString();
  }

  private static String number(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** NOTE_TEXT_MAX -> noteTextMax */
  static String camel(String constant) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** "board.{board}.room.{room}" -> `board.${board}.room.${room}` */
  private static String template(String address) {
    return "`" + address.replace("{", "${") + "`";
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static <T> String join(T[] values, Function<T, String> each) {
    StringJoiner out = new StringJoiner(", ");
    for (T value : values) {
      out.add(each.apply(value));
    }
    return out.toString();
  }
}
