package io.werkraum.sync;

import static io.werkraum.testing.Commands.assertInvalid;
import static io.werkraum.testing.Commands.assertRejected;
import static io.werkraum.testing.Commands.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Protocol;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input validation of sync and rooms.watch, and the protocol version check, without Vert.x or Redis. */
class SyncCommandsTest {
  private static final String V = "'protocol':" + Protocol.VERSION;

  @Test
  void syncWithAndWithoutSequenceNumbers() {
    assertEquals(new SyncFeature.Sync("main", null, null), read("{'type':'sync','commandId':'c1','room':'main'," + V + "}"));
    assertEquals(new SyncFeature.Sync("main", 3L, 0L),
        read("{'type':'sync','commandId':'c1','room':'main','boardSeq':3,'roomSeq':0," + V + "}"));
  }

  @Test
  void negativeFractionalOrTextualSequenceNumbersAreRefused() {
    assertInvalid("{'type':'sync','commandId':'c1','room':'main','roomSeq':-1," + V + "}");
    assertInvalid("{'type':'sync','commandId':'c1','room':'main','roomSeq':1.5," + V + "}");
    assertInvalid("{'type':'sync','commandId':'c1','room':'main','boardSeq':'3'," + V + "}");
    assertInvalid("{'type':'sync','commandId':'c1'," + V + "}");
    assertInvalid("{'type':'sync','commandId':'c1','room':'main','all':true," + V + "}");
  }

  @Test
  void aPageOfAnotherProtocolVersionIsToldItIsOutdated() {
    assertEquals(Protocol.VERSION, assertRejected(ErrorCode.CLIENT_OUTDATED,
        "{'type':'sync','commandId':'c1','room':'main'}").details().get("protocol"));
    assertRejected(ErrorCode.CLIENT_OUTDATED,
        "{'type':'sync','commandId':'c1','room':'main','protocol':" + (Protocol.VERSION - 1) + "}");
  }

  @Test
  void watchingRoomsMapsRoomIdsToSequenceNumbers() {
    assertEquals(new SyncFeature.Watch(Map.of("r1", 4L)), read("{'type':'rooms.watch','commandId':'c1','rooms':{'r1':4}}"));
    assertInvalid("{'type':'rooms.watch','commandId':'c1','rooms':{}}");
    assertInvalid("{'type':'rooms.watch','commandId':'c1','rooms':{'r 1':4}}");
  }
}
