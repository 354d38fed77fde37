package io.werkraum.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Privacy;
import io.werkraum.board.Rejection;
import io.werkraum.command.Access;
import io.werkraum.command.Call;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Feature;
import io.werkraum.command.Fields;
import io.werkraum.command.Result;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import io.werkraum.protocol.Protocol;
import io.werkraum.store.StateReads;
import io.werkraum.store.StreamRead;
import io.werkraum.voting.VotingFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a browser catches up: {@code sync} answers the board stream and one room's stream (each the
 * events after what the browser has, or the full state), read in one step; {@code rooms.watch}
 * does the same for several rooms at once (the control view's overview). A browser of another
 * protocol version is told {@code client_outdated} and reloads.
 */
public final class SyncFeature implements Feature {
  record Sync(String room, Long boardSeq, Long roomSeq) {}

  record Watch(Map<String, Long> rooms) {}

  private final StateReads reads;
  private final VotingFeature voting;

  public SyncFeature(StateReads reads, VotingFeature voting) {
    this.reads = reads;
    this.voting = voting;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.SYNC, Set.of("room", "boardSeq", "roomSeq", "protocol"),
        SyncFeature::sync, Access.EVERYONE, this::sync));
    table.add(new CommandSpec<>(CommandType.ROOMS_WATCH, Set.of("rooms"), SyncFeature::watch, Access.FACILITATORS,
        this::watch));
  }

  private static Sync sync(Fields body) {
    Long version = body.optionalInteger("protocol", 0, Integer.MAX_VALUE);
    if (version == null || version != Protocol.VERSION) {
      throw new Rejection(ErrorCode.CLIENT_OUTDATED,
          "this page speaks protocol " + version + "; the server speaks " + Protocol.VERSION + ": reload",
          Map.of("protocol", Protocol.VERSION));
    }
    return new Sync(body.id("room"), body.sequence("boardSeq"), body.sequence("roomSeq"));
  }

  private static Watch watch(Fields body) {
    Fields rooms = body.object("rooms");
    Map<String, Long> watched = new LinkedHashMap<>();
    for (String room : rooms.names(Limits.ROOMS_MAX + 1)) {
      if (!Limits.ID.matcher(room).matches()) {
        throw Rejection.invalid("'" + room + "' is not a room id");
      }
      watched.put(room, rooms.sequence(room));
    }
    if (watched.isEmpty()) {
      throw Rejection.invalid("field 'rooms' must map 1 to " + (Limits.ROOMS_MAX + 1) + " room ids to a sequence number or null");
    }
    return new Watch(watched);
  }

  private Future<Result> sync(Call<Sync> call) {
    Sync s = call.command();
    Actor reader = call.actor();
    return reads.sync(reader, s.room(), s.boardSeq(), s.roomSeq(), call.now()).map(read -> Result.answer()
        .put("board", read.board().toJson())
        .put("room", visibleTo(reader, read.room()))
        .put("online", new JsonArray(read.online()))
        .put("serverTime", System.currentTimeMillis())
        .putAll(voting.syncPart(reader, read.openRound(), read.ballot())));
  }

  private Future<Result> watch(Call<Watch> call) {
    return reads.rooms(call.boardId(), call.command().rooms()).map(read -> {
      JsonObject rooms = new JsonObject();
      read.forEach((room, stream) -> rooms.put(room, visibleTo(call.actor(), stream)));
      return Result.answer().put("rooms", rooms);
    });
  }

  /** A room's delta or full state without the texts of hidden notes the reader may not read. */
  private static JsonObject visibleTo(Actor reader, StreamRead read) {
    JsonObject room = read.toJson();
    JsonArray events = room.getJsonArray("events");
    if (events != null) {
      JsonArray visible = new JsonArray();
      events.forEach(e -> visible.add(Privacy.forViewer((JsonObject) e, reader)));
      room.put("events", visible);
    } else {
      room.getJsonObject("state").getJsonArray("notes").forEach(n -> Privacy.redactNote((JsonObject) n, reader));
    }
    return room;
  }
}
