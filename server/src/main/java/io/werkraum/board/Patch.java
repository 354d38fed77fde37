package io.werkraum.board;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changed fields of a note, section or participant, already validated. Kept as an ordered
 * map of JSON values so the store can merge it field by field and browsers can apply it as is.
 */
public record Patch(Map<String, Object> fields) {
  public Patch {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
