package io.werkraum.command;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Patch;
import io.werkraum.board.Rejection;
import io.werkraum.protocol.Limits;
import io.werkraum.protocol.Palette;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, bounded reads of one JSON object of a command: the one place input is checked. Every
 * failure is an {@code invalid_input} rejection naming the field, so a body is taken whole or
 * refused whole.
 */
public final class Fields {
  private final JsonObject node;
  private final String where;

  private Fields(JsonObject node, String where) {
    this.node = node;
    this.where = where;
  }

  /** {@code value}, which must be a JSON object; {@code where} names it in messages. */
  public static Fields of(Object value, String where) {
    JsonObject object = asObject(value);
    if (object == null) {
      throw Rejection.invalid(where + " must be a JSON object");
    }
    return new Fields(object, where);
  }

  /** Refuses any field not in {@code allowed}. */
  public Fields only(Set<String> allowed) {
    for (String field : node.fieldNames()) {
      if (!allowed.contains(field)) {
        throw Rejection.invalid("unknown field '" + field + "' in " + where);
      }
    }
    return this;
  }

  public boolean has(String name) {
    return present(name) != null;
  }

  /** A nested object, required. */
  public Fields object(String name) {
    Object value = present(name);
    if (value == null) {
      throw missing(name);
    }
    JsonObject object = asObject(value);
    if (object == null) {
      throw Rejection.invalid("field '" + name + "' must be an object");
    }
    return new Fields(object, "'" + name + "'");
  }

  /** The names of this object's fields, in order (at most {@code max}). */
  public List<String> names(int max) {
    if (node.size() > max) {
      throw Rejection.invalid(where + " has more than " + max + " entries");
    }
    return new ArrayList<>(node.fieldNames());
  }

  /** The elements of a required array of objects, each read as {@code Fields}. */
  public List<Fields> objects(String name, int min, int max) {
    JsonArray array = asArray(present(name));
    if (array == null || array.size() < min || array.size() > max) {
      throw Rejection.invalid("field '" + name + "' must list " + min + " to " + max + " items");
    }
    List<Fields> items = new ArrayList<>();
    for (Object item : array) {
      items.add(of(item, "each item of '" + name + "'"));
    }
    return items;
  }

  public String string(String name, int maxLength) {
    return required(optionalString(name, maxLength), name);
  }

  public String optionalString(String name, int maxLength) {
    Object value = present(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw Rejection.invalid("field '" + name + "' must be a string");
    }
    // Count code points, so an emoji counts as one character as people see it.
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw Rejection.invalid("field '" + name + "' is longer than " + maxLength + " characters");
    }
    if (containsControl(text)) {
      throw Rejection.invalid("field '" + name + "' contains control characters");
    }
    return text;
  }

  /** A one-line name or title: trimmed, not blank. */
  public String label(String name) {
    String value = string(name, Limits.NAME_MAX).strip();
    if (value.isEmpty()) {
      throw Rejection.invalid("field '" + name + "' must not be blank");
    }
    return oneLine(name, value);
  }

  /** An optional one-line title, trimmed; "" when absent. */
  public String title(String name) {
    return optionalLine(name, Limits.TITLE_MAX);
  }

  /** An optional one-line organisation; blank means none (""). */
  public String organisation() {
    return optionalLine("organisation", Limits.NAME_MAX);
  }

  private String optionalLine(String name, int max) {
    String value = optionalString(name, max);
    return value == null ? "" : oneLine(name, value.strip());
  }

  public String id(String name) {
    String value = string(name, 64);
    if (!Limits.ID.matcher(value).matches()) {
      throw Rejection.invalid("field '" + name + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
    }
    return value;
  }

  /** An id, or null when the field is absent or null. */
  public String optionalId(String name) {
    return has(name) ? id(name) : null;
  }

  /** A list of distinct ids (at most {@code max}); null when absent or empty. */
  public List<String> ids(String name, int max) {
    Object value = present(name);
    if (value == null) {
      return null;
    }
    JsonArray array = asArray(value);
    if (array == null || array.size() > max) {
      throw Rejection.invalid("field '" + name + "' must be a list of at most " + max + " ids");
    }
    List<String> ids = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String id) || !Limits.ID.matcher(id).matches()) {
        throw Rejection.invalid("field '" + name + "' must hold ids");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids.isEmpty() ? null : ids;
  }

  /** A coordinate or size: bounded, rounded to half units (finer than anyone can see, shorter JSON). */
  public double number(String name, double min, double max) {
    return required(optionalNumber(name, min, max), name);
  }

  public Double optionalNumber(String name, double min, double max) {
    Double value = optionalExactNumber(name, min, max);
    return value == null ? null : Math.round(value * 2) / 2.0;
  }

  public double coordinate(String name) {
    return number(name, -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX);
  }

  /** A number taken as given (no rounding), within bounds. */
  public double exactNumber(String name, double min, double max) {
    return required(optionalExactNumber(name, min, max), name);
  }

  private Double optionalExactNumber(String name, double min, double max) {
    Object value = present(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
        || n.doubleValue() > max) {
      throw Rejection.invalid("field '" + name + "' must be a number between " + min + " and " + max);
    }
    return n.doubleValue();
  }

  /** A whole number within bounds (counts, milliseconds): 2.5 votes is no input. */
  public long integer(String name, long min, long max) {
    return required(optionalInteger(name, min, max), name);
  }

  public Long optionalInteger(String name, long min, long max) {
    Object value = present(name);
    if (value == null) {
      return null;
    }
    Long whole = wholeNumber(value);
    if (whole == null || whole < min || whole > max) {
      throw Rejection.invalid("field '" + name + "' must be a whole number between " + min + " and " + max);
    }
    return whole;
  }

  /** The value as a long when it is a whole number that fits one (2.0 is; 2.5 is not), else null. */
  private static Long wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (long) d : null;
    }
    return null;
  }

  /** A sequence number a client holds, or null. */
  public Long sequence(String name) {
    return optionalInteger(name, 0, Long.MAX_VALUE);
  }

  public boolean bool(String name) {
    return required(optionalBool(name), name);
  }

  public Boolean optionalBool(String name) {
    Object value = present(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean b)) {
      throw Rejection.invalid("field '" + name + "' must be true or false");
    }
    return b;
  }

  /** A note colour of the palette, or null. */
  public String color(String name) {
    String value = optionalString(name, 16);
    if (value != null && !Palette.names().contains(value)) {
      throw Rejection.invalid("field '" + name + "' must be one of " + Palette.names());
    }
    return value;
  }

  /**
   * A time zone of the tz database (IANA) by its id, such as {@code Europe/Berlin}, or null. Offsets
   * ({@code +01:00}) are refused: a zone knows its summer time, an offset does not.
   */
  public ZoneId optionalTimeZone(String name) {
    String value = optionalString(name, Limits.TIME_ZONE_MAX);
    if (value == null) {
      return null;
    }
    if (!ZoneId.getAvailableZoneIds().contains(value)) {
      throw Rejection.invalid("field '" + name + "' must be a time zone such as Europe/Berlin, not '" + value + "'");
    }
    return ZoneId.of(value);
  }

  /** One of {@code choices}, required. */
  public String choice(String name, Set<String> choices) {
    String value = string(name, 32);
    if (!choices.contains(value)) {
      throw Rejection.invalid("field '" + name + "' must be one of " + choices);
    }
    return value;
  }

  /**
   * A patch: only the fields in {@code readers}, each read by its reader (a field given as null
   * changes nothing), at least one present. Kept in the order given, as JSON values the store
   * merges and browsers apply as they are.
   */
  public Patch patch(Map<String, Function<Fields, Object>> readers) {
    only(readers.keySet());
    Map<String, Object> fields = new LinkedHashMap<>();
    readers.forEach((name, reader) -> {
      Object value = present(name) == null ? null : reader.apply(this);
      if (value != null) {
        fields.put(name, value);
      }
    });
    if (fields.isEmpty()) {
      throw Rejection.invalid("a patch must change at least one field");
    }
    return new Patch(fields);
  }

  private String oneLine(String name, String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw Rejection.invalid("field '" + name + "' must be one line");
    }
    return value;
  }

  /** The field's value, or null when it is absent or JSON null. */
  private Object present(String name) {
    return node.getValue(name);
  }

  @SuppressWarnings("unchecked")
  private static JsonObject asObject(Object value) {
    if (value instanceof JsonObject object) {
      return object;
    }
    return value instanceof Map<?, ?> map ? new JsonObject((Map<String, Object>) map) : null;
  }

  @SuppressWarnings("unchecked")
  private static JsonArray asArray(Object value) {
    if (value instanceof JsonArray array) {
      return array;
    }
    return value instanceof List<?> list ? new JsonArray((List<Object>) list) : null;
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  private static Rejection missing(String name) {
    return Rejection.invalid("missing field '" + name + "'");
  }

  private static boolean containsControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
        return true;
      }
    }
    return false;
  }
}
