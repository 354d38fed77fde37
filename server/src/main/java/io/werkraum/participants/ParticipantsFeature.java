package io.werkraum.participants;

import io.werkraum.audit.Audited;
import io.werkraum.audit.AuditAction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.BoardEvent.ParticipantErased;
import io.werkraum.board.BoardEvent.ParticipantRemoved;
import io.werkraum.board.Erasure;
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
import io.werkraum.store.Commit;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** ARGV: 1 whose hand a facilitator lowers (they asked to speak and were heard). */
  private static final Script LOWER_HAND = Script.commit("hand_lower", """
      return werkraum.commit{run = function()
        local person = werkraum.participant(werkraum.arg(1))
        if not person then
          return werkraum.refuse('not_found')
        end
        person.hand = false
        person.v = (person.v or 0) + 1
        redis.call('HSET', werkraum.PARTICIPANTS, werkraum.arg(1), cjson.encode(person))
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

  /**
   * Erases someone: their entry, their organisation in the open round's ballot, their notes (or
   * their name on them: the author becomes {@code anonymous}), their name among the voters of
   * closed rounds, and all of that in every snapshot (rewritten by the caller, {@link Erasure});
   * the op logs that name them are dropped (browsers read the whole board again).
   * KEYS: 1 rounds, 2 ballot, 3 snapshots, 4 who joined signed in, then each room's notes, then
   * each room's op log, then the snapshots that change. ARGV: 1 who, 2 'delete' or 'anonymise', 3 how many rooms and 4
   * snapshots the caller read, 5 how many rounds change, then per round its id, its text as read
   * and its new text, then how many snapshots change and their new contents.
   */
  private static final Script ERASE = Script.commit("participant_erase", """
      return werkraum.commit{run = function()
        local id, mode = werkraum.arg(1), werkraum.arg(2)
        if redis.call('HEXISTS', werkraum.PARTICIPANTS, id) == 0 then
          return werkraum.refuse('not_found')
        end
        local rooms, snapshots = tonumber(werkraum.arg(3)), tonumber(werkraum.arg(4))
        if redis.call('HLEN', werkraum.ROOMS) ~= rooms or redis.call('HLEN', werkraum.key(3)) ~= snapshots then
          return werkraum.STALE
        end
        local rounds = tonumber(werkraum.arg(5))
        for i = 0, rounds - 1 do
          local round, before = werkraum.arg(6 + 3 * i), werkraum.arg(7 + 3 * i)
          if redis.call('HGET', werkraum.key(1), round) ~= before then
            return werkraum.STALE
          end
        end
        for i = 0, rounds - 1 do
          redis.call('HSET', werkraum.key(1), werkraum.arg(6 + 3 * i), werkraum.arg(8 + 3 * i))
        end
        redis.call('HDEL', werkraum.PARTICIPANTS, id)
        redis.call('HDEL', werkraum.key(2), 'o:' .. id)
        redis.call('HDEL', werkraum.key(4), id)
        for r = 1, rooms do
          local notes = werkraum.key(4 + r)
          local all = redis.call('HGETALL', notes)
          for i = 1, #all, 2 do
            local note = cjson.decode(all[i + 1])
            if note.author == id then
              if mode == 'delete' then
                redis.call('HDEL', notes, all[i])
              else
                note.author = 'anonymous'
                redis.call('HSET', notes, all[i], cjson.encode(note))
              end
            end
          end
          redis.call('DEL', werkraum.key(4 + rooms + r))
        end
        local changed = 6 + 3 * rounds
        for s = 1, tonumber(werkraum.arg(changed)) do
          redis.call('SET', werkraum.key(4 + 2 * rooms + s), werkraum.arg(changed + s))
        end
        -- The board's op log names them (joined, renamed); this erasure's event starts it anew.
        redis.call('DEL', werkraum.STREAM_LOG)
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

  record LowerHand(String id) {}

  /** @param deleteNotes their notes go too; otherwise they stay, by "a participant" */
  record Erase(String id, boolean deleteNotes) {}

  private static final String DELETE = "delete";
  private static final String ANONYMISE = "anonymise";

  private final BoardStore store;

  public ParticipantsFeature(BoardStore store) {
    this.store = store;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.PARTICIPANT_UPDATE, Set.of("patch"),
        body -> new Update(body.object("patch").patch(PATCH)), Access.MEMBERS, this::update));
    table.add(new CommandSpec<>(CommandType.HAND_LOWER, Set.of("id"),
        body -> new LowerHand(body.id("id")), Access.FACILITATORS, this::lowerHand));
    table.add(new CommandSpec<>(CommandType.PARTICIPANT_REMOVE, Set.of("id"),
        body -> new Remove(body.id("id")), Access.FACILITATORS, this::remove)
        .audited(r -> new Audited(AuditAction.PARTICIPANT_REMOVED, Map.of("participant", r.id()))));
    table.add(new CommandSpec<>(CommandType.PARTICIPANT_ERASE, Set.of("id", "notes"),
        body -> new Erase(body.id("id"), DELETE.equals(body.choice("notes", Set.of(DELETE, ANONYMISE)))),
        Access.MEMBERS, this::erase)
        .audited(e -> new Audited(AuditAction.PARTICIPANT_ERASED,
            Map.of("participant", e.id(), "notes", e.deleteNotes() ? "deleted" : "anonymised"))));
  }

  private Future<Result> update(Call<Update> call) {
    String me = call.actor().participantId();
    Patch patch = call.command().patch();
    return store.commit(call.commit(UPDATE).event(Stream.board(call.boardId()), new ParticipantUpdated(me, patch.fields()))
            .arg(EventCodec.write(patch.fields())))
        .map(Result::of);
  }

  private Future<Result> lowerHand(Call<LowerHand> call) {
    String id = call.command().id();
    return store.commit(call.commit(LOWER_HAND)
            .event(Stream.board(call.boardId()), new ParticipantUpdated(id, Map.of("hand", false))).arg(id))
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

  /**
   * Erases someone's data (GDPR Art. 17): a facilitator anyone's, anyone their own. Read first
   * (rooms, closed rounds, snapshots), rewritten here, committed if nothing changed meanwhile.
   */
  private Future<Result> erase(Call<Erase> call) {
    Erase e = call.command();
    if (!call.actor().isFacilitator() && !e.id().equals(call.actor().participantId())) {
      return Future.failedFuture(Rejection.notAllowed("only facilitators erase someone else's data"));
    }
    String board = call.boardId();
    return call.decided(store, Stream.board(board), () -> Future.all(store.rooms(board), store.rounds(board),
        store.snapshotContents(board), store.participant(board, e.id())).compose(read -> {
          JsonObject person = read.resultAt(3);
          if (person == null) {
            return Future.failedFuture(Rejection.notFound("no such participant"));
          }
          List<String> rooms = List.copyOf(read.<JsonObject>resultAt(0).fieldNames());
          Map<String, String> rounds = read.resultAt(1);
          Map<String, String> snapshots = read.resultAt(2);
          Commit commit = call.commit(ERASE)
              .event(Stream.board(board), new ParticipantErased(e.id(), e.deleteNotes(), call.actor().participantId()))
              .key(Keys.rounds(board)).key(Keys.ballot(board)).key(Keys.snapshots(board)).key(Keys.signedIn(board));
          rooms.forEach(room -> commit.key(Keys.notes(board, room)));
          rooms.forEach(room -> commit.key(Keys.roomLog(board, room)));
          Map<String, String> rewritten = new LinkedHashMap<>();
          snapshots.forEach((id, content) -> {
            JsonObject erased = Erasure.fromDocument(new JsonObject(content), e.id(), e.deleteNotes());
            if (erased != null) {
              rewritten.put(Keys.snapshot(board, id), erased.encode());
            }
          });
          rewritten.keySet().forEach(commit::key);
          commit.arg(e.id()).arg(e.deleteNotes() ? DELETE : ANONYMISE).arg(rooms.size()).arg(snapshots.size());
          Map<String, String[]> changedRounds = new LinkedHashMap<>();
          rounds.forEach((id, text) -> {
            JsonObject erased = Erasure.fromRound(new JsonObject(text), e.id(), person.getString("organisation"));
            if (erased != null) {
              changedRounds.put(id, new String[] {text, erased.encode()});
            }
          });
          commit.arg(changedRounds.size());
          changedRounds.forEach((id, texts) -> commit.arg(id).arg(texts[0]).arg(texts[1]));
          commit.arg(rewritten.size());
          rewritten.values().forEach(commit::arg);
          return store.commit(commit);
        })).map(Result::of);
  }
}
