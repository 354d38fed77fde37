package io.werkraum.command;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.board.Role;
import io.werkraum.protocol.CommandType;
import io.werkraum.testing.Commands;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The command table against the protocol: every command type the protocol names is in the table
 * (a type added without its entry fails here, not for a user), and who may send what is the
 * table's one decision.
 */
class CommandTableTest {
  private static final CommandTable TABLE = Commands.TABLE;

  @Test
  void everyCommandOfTheProtocolHasExactlyOneEntry() {
    assertEquals(EnumSet.allOf(CommandType.class), EnumSet.copyOf(TABLE.types()));
  }

  @Test
  void aFeatureCannotRegisterATypeTwice() {
    Feature twice = table -> {
      CommandSpec<Object> spec = new CommandSpec<>(CommandType.SYNC, Set.of(), body -> null, Access.EVERYONE, call -> null);
      table.add(spec);
      table.add(spec);
    };
    assertThrows(IllegalStateException.class, () -> CommandTable.of(java.util.List.of(twice)));
  }

  @Test
  void observersMayOnlySync() {
    for (CommandType type : CommandType.values()) {
      assertEquals(type == CommandType.SYNC, TABLE.access(type).permits(Role.OBSERVER), type.wire());
    }
  }

  @Test
  void participantsWriteVoteMoveThemselvesEraseTheirDataAndSync() {
    Set<CommandType> participants = EnumSet.of(CommandType.NOTE_CREATE, CommandType.NOTE_UPDATE,
        CommandType.NOTE_DELETE, CommandType.NOTE_DUPLICATE, CommandType.SECTION_CREATE, CommandType.SECTION_UPDATE,
        CommandType.SECTION_DELETE, CommandType.PARTICIPANT_UPDATE, CommandType.VOTE_CAST, CommandType.VOTE_RETRACT,
        CommandType.ROOM_CHOOSE, CommandType.PARTICIPANT_ERASE, CommandType.SYNC);
    for (CommandType type : CommandType.values()) {
      assertEquals(participants.contains(type), TABLE.access(type).permits(Role.PARTICIPANT), type.wire());
      assertTrue(TABLE.access(type).permits(Role.FACILITATOR), type.wire());
    }
  }
}
