package io.werkraum.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.werkraum.board.BoardEvent;

/**
 * The JSON form of events and items. An event is stored without its sequence number (the op log
 * entry id carries it) and gets it prepended as text when it goes out, so it is encoded once.
 */
public final class EventCodec {
  public static final ObjectMapper JSON = new ObjectMapper();

  private EventCodec() {}

  public static String encodeStored(BoardEvent event, long at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", event.type());
    node.put("at", at);
    node.setAll((ObjectNode) JSON.valueToTree(event));
    return write(node);
  }

  /** The wire form: the stored event with {@code seq} first. */
  public static String withSeq(String storedEvent, long seq) {
    return "{\"seq\":" + seq + "," + storedEvent.substring(1);
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }
}
