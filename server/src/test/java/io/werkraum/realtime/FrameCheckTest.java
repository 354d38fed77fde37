package io.werkraum.realtime;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.protocol.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the transport lets through to the bridge, read without recursion. */
class FrameCheckTest {
  @Test
  void aSockJsMessageIsAnArrayOfStringsOrOneString() {
    assertEquals(List.of("{}", "{\"a\":1}"), FrameCheck.frames("[\"{}\",\"{\\\"a\\\":1}\"]"));
    assertEquals(List.of("{}"), FrameCheck.frames("\"{}\""));
    assertEquals(List.of(), FrameCheck.frames("[]"));
    assertEquals(List.of(), FrameCheck.frames(""));
    for (String bad : List.of("hello", "{\"type\":\"send\"}", "[1]", "[\"a\"", "[\"a\"] x", "[\"a\",2]")) {
      assertNull(FrameCheck.frames(bad), bad);
    }
  }

  @Test
  void aFrameIsAJsonObjectOfLimitedDepth() {
    assertEquals(FrameCheck.Kind.OK, FrameCheck.inspect("{\"type\":\"send\",\"body\":{\"note\":{\"x\":1}}}").kind());
    String deepest = "{\"a\":" + "[".repeat(Limits.FRAME_MAX_DEPTH - 1) + "]".repeat(Limits.FRAME_MAX_DEPTH - 1) + "}";
    assertEquals(FrameCheck.Kind.OK, FrameCheck.inspect(deepest).kind());
    String tooDeep = "{\"a\":" + "[".repeat(Limits.FRAME_MAX_DEPTH) + "]".repeat(Limits.FRAME_MAX_DEPTH) + "}";
    assertEquals(FrameCheck.Kind.TOO_DEEP, FrameCheck.inspect(tooDeep).kind());
    for (String bad : List.of("not json", "[1]", "\"s\"", "{\"a\":", "{} {}", "")) {
      assertEquals(FrameCheck.Kind.NOT_JSON, FrameCheck.inspect(bad).kind(), bad);
    }
  }

  @Test
  void aFrameTooDeepKeepsItsReplyAddressWhereverItStands() {
    String body = "[".repeat(50_000) + "]".repeat(50_000);
    assertEquals(new FrameCheck.Verdict(FrameCheck.Kind.TOO_DEEP, "r1"),
        FrameCheck.inspect("{\"type\":\"send\",\"body\":" + body + ",\"replyAddress\":\"r1\"}"));
    assertEquals(new FrameCheck.Verdict(FrameCheck.Kind.TOO_DEEP, "r2"),
        FrameCheck.inspect("{\"replyAddress\":\"r2\",\"body\":" + body + "}"));
    assertEquals(new FrameCheck.Verdict(FrameCheck.Kind.TOO_DEEP, null),
        FrameCheck.inspect("{\"body\":" + body + ",\"replyAddress\":\"" + "x".repeat(37) + "\"}"),
        "a reply address the bridge would not take is none");
  }
}
