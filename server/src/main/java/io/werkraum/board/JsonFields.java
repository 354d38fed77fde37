package io.werkraum.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/** Typed, bounded reads of JSON fields; every failure is an {@code invalid_input} rejection. */
final class JsonFields {
  private JsonFields() {}

  /** The field's node, or null when it is absent or JSON null. */
  private static JsonNode present(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    return node == null || node.isNull() ? null : node;
  }

  /** A required field: its value, or invalid_input naming it. */
  private static <T> T required(T value, String name) {
    if (value == null) {
      throw Rejection.invalid("missing field '" + name + "'");
    }
    return value;
  }

  static JsonNode object(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw Rejection.invalid("missing field '" + name + "'");
    }
    if (!node.isObject()) {
      throw Rejection.invalid("field '" + name + "' must be an object");
    }
    return node;
  }

  static void onlyFields(JsonNode node, String where, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw Rejection.invalid("unknown field '" + field + "' in " + where);
      }
    }
  }

  static String string(JsonNode parent, String name, int maxLength) {
    return required(optionalString(parent, name, maxLength), name);
  }

  static String optionalString(JsonNode parent, String name, int maxLength) {
    JsonNode node = present(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw Rejection.invalid("field '" + name + "' must be a string");
    }
    String value = node.textValue();
    // Count code points, so an emoji counts as one character as users see it.
    if (value.codePointCount(0, value.length()) > maxLength) {
      throw Rejection.invalid("field '" + name + "' is longer than " + maxLength + " characters");
    }
    if (containsControl(value)) {
      throw Rejection.invalid("field '" + name + "' contains control characters");
    }
    return value;
  }

  /** A one-line name or title: trimmed, not blank. */
  static String label(JsonNode parent, String name, int maxLength) {
    String value = string(parent, name, maxLength).strip();
    if (value.isEmpty()) {
      throw Rejection.invalid("field '" + name + "' must not be blank");
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw Rejection.invalid("field '" + name + "' must be one line");
    }
    return value;
  }

  static String id(JsonNode parent, String name) {
    String value = string(parent, name, 64);
    if (!Limits.ID.matcher(value).matches()) {
      throw Rejection.invalid("field '" + name + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
    }
    return value;
  }

  static double number(JsonNode parent, String name, double min, double max) {
    return required(optionalNumber(parent, name, min, max), name);
  }

  /** A coordinate or size: bounded, rounded to half units (finer than anyone can see, shorter JSON). */
  static Double optionalNumber(JsonNode parent, String name, double min, double max) {
    Double value = optionalExactNumber(parent, name, min, max);
    return value == null ? null : Math.round(value * 2) / 2.0;
  }

  static boolean bool(JsonNode parent, String name) {
    return required(optionalBool(parent, name), name);
  }

  static Boolean optionalBool(JsonNode parent, String name) {
    JsonNode node = present(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      throw Rejection.invalid("field '" + name + "' must be true or false");
    }
    return node.booleanValue();
  }

  /** A number taken as given (no rounding to half units), within bounds. */
  static double exactNumber(JsonNode parent, String name, double min, double max) {
    return required(optionalExactNumber(parent, name, min, max), name);
  }

  static Double optionalExactNumber(JsonNode parent, String name, double min, double max) {
    JsonNode node = present(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isNumber() || !Double.isFinite(node.doubleValue())
        || node.doubleValue() < min || node.doubleValue() > max) {
      throw Rejection.invalid("field '" + name + "' must be a number between " + min + " and " + max);
    }
    return node.doubleValue();
  }

  /** A whole number within bounds (counts, milliseconds): 2.5 votes is no input. */
  static long integer(JsonNode parent, String name, long min, long max) {
    return required(optionalInteger(parent, name, min, max), name);
  }

  static Long optionalInteger(JsonNode parent, String name, long min, long max) {
    JsonNode node = present(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isNumber() || !node.canConvertToExactIntegral() || node.longValue() < min || node.longValue() > max) {
      throw Rejection.invalid("field '" + name + "' must be a whole number between " + min + " and " + max);
    }
    return node.longValue();
  }

  /** An optional list of distinct ids; null when absent or empty. */
  static java.util.List<String> ids(JsonNode parent, String name) {
    JsonNode node = present(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.size() > 100) {
      throw Rejection.invalid("field '" + name + "' must be a list of at most 100 ids");
    }
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual() || !Limits.ID.matcher(item.textValue()).matches()) {
        throw Rejection.invalid("field '" + name + "' must hold ids");
      }
      if (!ids.contains(item.textValue())) {
        ids.add(item.textValue());
      }
    }
    return ids.isEmpty() ? null : ids;
  }

  static Long optionalSequence(JsonNode parent, String name) {
    JsonNode node = present(parent, name);
    if (node == null) {
      return null;
    }
    if (!node.canConvertToExactIntegral() || node.longValue() < 0) {
      throw Rejection.invalid("field '" + name + "' must be a non-negative integer");
    }
    return node.longValue();
  }

  static String color(JsonNode parent, String name) {
    String value = optionalString(parent, name, 16);
    if (value != null && !Limits.NOTE_COLORS.contains(value)) {
      throw Rejection.invalid("field '" + name + "' must be one of " + Limits.NOTE_COLORS);
    }
    return value;
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
