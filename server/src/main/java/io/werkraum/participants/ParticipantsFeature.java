package io.werkraum.participants;

import io.werkraum.audit.Audited;
import io.werkraum.audit.AuditAction;
import io.vertx.core.Future;
import io.werkraum.board.BoardEvent.ParticipantRemoved;
import io.werkraum.board.BoardEvent.ParticipantUpdated;
import io.werkraum.board.Patch;
import io.werkraum.board.Rejection;
import io.werkraum.command.Access;
import io.werkraum.command.Call;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Feature;
import io.werkraum.command.Fields;
import io.werkraum.command.Result;
import io.werkraum.protocol.CommandType;
import io.werkraum.store.BoardStore;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The people on a board: everyone changes their own name, organisation, raised hand and
 * readiness; facilitators remove someone (their sockets close on every node as the removal
 * reaches it, and their token stops working).
 */
public final class ParticipantsFeature implements Feature {
  /** ARGV: 1 the patch of the sender's own entry. */
  private static final Script UPDATE = Script.commit("participant_update", """
      return werkraum.commit{run = function()
        local me = werkraum.me
        for field, value in pairs(cjson.decode(werkraum.arg(1))) do
          me[field] = value
        end
        me.v = (me.v or 0) + 1
        redis.call('HSET', werkraum.PARTICIPANTS, werkraum.sender, cjson.encode(me))
      end}
      """);

  /** ARGV: 1 who is removed. */
  private static final Script REMOVE = Script.commit("participant_remove", """
      return werkraum.commit{run = function()
        if redis.call('HDEL', werkraum.PARTICIPANTS, werkraum.arg(1)) == 0 then
          return werkraum.refuse('not_found')
        end
      end}
      """);

  private static final Map<String, Function<Fields, Object>> PATCH = new LinkedHashMap<>();

  static {
    PATCH.put("name", f -> f.label("name"));
    PATCH.put("organisation", Fields::organisation);
    PATCH.put("hand", f -> f.bool("hand"));
    PATCH.put("ready", f -> f.bool("ready"));
  }

  record Update(Patch patch) {}

  record Remove(String id) {}

  private final BoardStore store;

  public ParticipantsFeature(BoardStore store) {
    this.store = store;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.PARTICIPANT_UPDATE, Set.of("patch"),
        body -> new Update(body.object("patch").patch(PATCH)), Access.MEMBERS, this::update));
    table.add(new CommandSpec<>(CommandType.PARTICIPANT_REMOVE, Set.of("id"),
        body -> new Remove(body.id("id")), Access.FACILITATORS, this::remove)
        .audited(r -> new Audited(AuditAction.PARTICIPANT_REMOVED, Map.of("participant", r.id()))));
  }

  private Future<Result> update(Call<Update> call) {
    String me = call.actor().participantId();
    Patch patch = call.command().patch();
    return store.commit(call.commit(UPDATE).event(Stream.board(call.boardId()), new ParticipantUpdated(me, patch.fields()))
            .arg(EventCodec.write(patch.fields())))
        .map(Result::of);
  }

  private Future<Result> remove(Call<Remove> call) {
    String id = call.command().id();
    if (id.equals(call.actor().participantId())) {
      return Future.failedFuture(Rejection.invalid("facilitators cannot remove themselves"));
    }
    return store.commit(call.commit(REMOVE)
            .event(Stream.board(call.boardId()), new ParticipantRemoved(id, call.actor().participantId())).arg(id))
        .map(Result::of);
  }
}
