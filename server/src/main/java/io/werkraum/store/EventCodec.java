package io.werkraum.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkraum.board.BoardEvent;

/**
 * The JSON forms of events and items. An event is stored as the domain built it, with its type and
 * time; it goes out with its sequence number first and, for an event about a hidden note, whose
 * note it is ({@code hidden}, {@code author}), so it reaches only who may read it.
 */
public final class EventCodec {
  public static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private EventCodec() {}

  /** The stored form: {@code {type, at, ...fields}}. */
  public static String stored(BoardEvent event, long at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", event.type().wire());
    node.put("at", at);
    node.setAll((ObjectNode) JSON.valueToTree(event));
    return write(node);
  }

  /**
   * The wire form of a stored event: {@code seq} first, then the hidden note's author when there
   * is one, then the stored fields.
   */
  public static String wire(String stored, long seq, String hiddenAuthor) {
    String head = "{\"seq\":" + seq + ",";
    if (hiddenAuthor != null) {
      head += "\"hidden\":true,\"author\":" + write(hiddenAuthor) + ",";
    }
    return head + stored.substring(1);
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
    }
  }
}
