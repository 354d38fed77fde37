package io.werkraum.realtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.werkraum.protocol.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a browser sends over the SockJS WebSocket transport before the bridge sees it: the
 * SockJS message (a JSON array of strings, or one string) and each bridge frame in it (a JSON
 * object of at most {@link Limits#FRAME_MAX_DEPTH} levels). Streaming, never recursive, so a frame
 * of any depth is read in constant stack; the reply address of a frame that is too deep is found
 * anyway, so its sender gets an answer.
 */
final class FrameCheck {
  /** The parser counts depth itself; a WebSocket message cannot nest deeper than it is long. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Limits.FRAME_MAX_BYTES + 1).build())
      .build();
  /** The longest reply address the bridge accepts. */
  private static final int REPLY_ADDRESS_MAX = 36;

  enum Kind { OK, NOT_JSON, TOO_DEEP }

  /** @param replyAddress for a frame too deep: its reply address, or null when it has none (usable) */
  record Verdict(Kind kind, String replyAddress) {}

  private FrameCheck() {}

  /** The bridge frames of a SockJS message, or null when it is not one. */
  static List<String> frames(String message) {
    List<String> frames = new ArrayList<>();
    if (message.isEmpty()) {
      return frames;
    }
    try (JsonParser parser = JSON.createParser(message)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.VALUE_STRING) {
        frames.add(parser.getText());
      } else if (token == JsonToken.START_ARRAY) {
        for (token = parser.nextToken(); token == JsonToken.VALUE_STRING; token = parser.nextToken()) {
          frames.add(parser.getText());
        }
        if (token != JsonToken.END_ARRAY) {
          return null;
        }
      } else {
        return null;
      }
      return parser.nextToken() == null ? frames : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether a bridge frame is a JSON object the bridge may read. */
  static Verdict inspect(String frame) {
    String replyAddress = null;
    boolean tooDeep = false;
    try (JsonParser parser = JSON.createParser(frame)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new Verdict(Kind.NOT_JSON, null);
      }
      int depth = 1;
      for (JsonToken token = parser.nextToken(); token != null && depth > 0; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            depth++;
            tooDeep |= depth > Limits.FRAME_MAX_DEPTH;
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            if (depth == 1 && "replyAddress".equals(parser.currentName())) {
              JsonToken value = parser.nextToken();
              if (value == JsonToken.VALUE_STRING && parser.getText().length() <= REPLY_ADDRESS_MAX) {
                replyAddress = parser.getText();
              } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                depth++;
                tooDeep |= depth > Limits.FRAME_MAX_DEPTH;
              }
            }
          }
          default -> { }
        }
      }
      if (depth != 0 || parser.nextToken() != null) {
        return new Verdict(Kind.NOT_JSON, null);
      }
    } catch (IOException e) {
      return new Verdict(Kind.NOT_JSON, null);
    }
    return tooDeep ? new Verdict(Kind.TOO_DEEP, replyAddress) : new Verdict(Kind.OK, null);
  }
}
