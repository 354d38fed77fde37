package io.werkraum.voting;

import io.werkraum.audit.Audited;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditAction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.BoardEvent.RoundClosed;
import io.werkraum.board.BoardEvent.RoundStarted;
import io.werkraum.board.Note;
import io.werkraum.board.Rejection;
import io.werkraum.board.Round;
import io.werkraum.board.Section;
import io.werkraum.board.Sections;
import io.werkraum.board.SnapshotInfo;
import io.werkraum.command.Access;
import io.werkraum.command.Call;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Feature;
import io.werkraum.command.Fields;
import io.werkraum.command.Result;
import io.werkraum.command.SettingsChange;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import io.werkraum.protocol.MessageType;
import io.werkraum.publish.Publisher;
import io.werkraum.snapshots.SnapshotsFeature;
import io.werkraum.store.Ballot;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Committed;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import io.werkraum.store.RoomContent;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dot voting: rounds start and close on the board stream, one open at a time; votes are counted
 * in the board's ballot, where budget, per-note cap, scope and the voter's room hold however
 * many votes arrive at once. Counts stay hidden while a round is open: each voter learns only
 * their own votes, the facilitators only the progress.
 */
public final class VotingFeature implements Feature {
  /**
   * KEYS: 1 rounds, 2 the ballot, 3 the round's room's sequence number. ARGV: 1 round id, 2 the
   * round, 3 the most rounds a board holds, 4 the room's sequence number its candidates were read
   * at ('' for a round over the whole room).
   */
  private static final Script START = Script.commit("round_start", """
      return werkraum.commit{run = function()
        local rounds, id = werkraum.key(1), werkraum.arg(1)
        if redis.call('HEXISTS', rounds, id) == 1 then return werkraum.refuse('conflict') end
        for _, stored in ipairs(werkraum.values(rounds)) do
          if cjson.decode(stored).status == 'open' then return werkraum.refuse('conflict') end
        end
        if redis.call('HLEN', rounds) >= tonumber(werkraum.arg(3)) then return werkraum.refuse('limit_reached') end
        local seq = werkraum.arg(4)
        if seq ~= '' and tonumber(redis.call('GET', werkraum.key(3)) or '0') ~= tonumber(seq) then
          return werkraum.STALE
        end
        redis.call('HSET', rounds, id, werkraum.arg(2))
        redis.call('DEL', werkraum.key(2))
        redis.call('HSET', werkraum.key(2), 'round', id, 'v', 0, 'voters', 0, 'votes', 0)
      end}
      """);

  /**
   * KEYS: 1 rounds, 2 the ballot, 3 the round's room's sequence number. ARGV: 1 round id, 2 the
   * closed round, 3 the ballot's version and 4 the room's sequence number its results were
   * counted at. The ballot goes: only the tally remains.
   */
  private static final Script CLOSE = Script.commit("round_close", """
      return werkraum.commit{run = function()
        local rounds, ballot, id = werkraum.key(1), werkraum.key(2), werkraum.arg(1)
        local round = werkraum.decode(redis.call('HGET', rounds, id))
        if not round then return werkraum.refuse('not_found') end
        if round.status ~= 'open' then return werkraum.refuse('round_closed') end
        local version = 0
        if redis.call('HGET', ballot, 'round') == id then
          version = tonumber(redis.call('HGET', ballot, 'v') or '0')
        end
        if version ~= tonumber(werkraum.arg(3))
            or tonumber(redis.call('GET', werkraum.key(3)) or '0') ~= tonumber(werkraum.arg(4)) then
          return werkraum.STALE
        end
        redis.call('HSET', rounds, id, werkraum.arg(2))
        redis.call('DEL', ballot)
      end}
      """);

  /**
   * KEYS: 1 rounds, 2 the ballot, 3 the round's room's notes. ARGV: 1 'cast' or 'retract', 2 round
   * id, 3 note id. The commit's room is the round's: a participant votes only in the room they
   * are in. Answers the voter's votes, what they have left and the round's progress.
   */
  private static final Script VOTE = Script.commit("vote", """
      local rounds, ballot, notes = werkraum.key(1), werkraum.key(2), werkraum.key(3)
      local mineField = 'm:' .. werkraum.sender
      local function sum(votes)
        local used = 0
        for _, n in pairs(votes) do used = used + n end
        return used
      end
      local function answer(round, votes)
        local reply = {round = round.id, mine = votes, remaining = round.votesPerParticipant - sum(votes),
          voters = tonumber(redis.call('HGET', ballot, 'voters') or '0'),
          votes = tonumber(redis.call('HGET', ballot, 'votes') or '0')}
        if not round.anonymous then
          local voted, fields = {}, redis.call('HGETALL', ballot)
          for i = 1, #fields, 2 do
            if string.sub(fields[i], 1, 2) == 'm:' and sum(cjson.decode(fields[i + 1])) > 0 then
              voted[#voted + 1] = string.sub(fields[i], 3)
            end
          end
          reply.voted = voted
        end
        return reply
      end
      local function current(round)
        if redis.call('HGET', ballot, 'round') ~= round.id then return {} end
        return werkraum.decode(redis.call('HGET', ballot, mineField)) or {}
      end
      return werkraum.commit{run = function()
        local round = werkraum.decode(redis.call('HGET', rounds, werkraum.arg(2)))
        if not round then return werkraum.refuse('not_found') end
        if round.status ~= 'open' or (type(round.endsAt) == 'number' and werkraum.now > round.endsAt)
            or redis.call('HGET', ballot, 'round') ~= round.id then
          return werkraum.refuse('round_closed')
        end
        local note = werkraum.arg(3)
        local votes = current(round)
        local used, mine = sum(votes), votes[note] or 0
        if werkraum.arg(1) == 'cast' then
          if redis.call('HEXISTS', notes, note) == 0 then return werkraum.refuse('not_found') end
          if type(round.notes) == 'table' then
            local candidate = false
            for _, id in ipairs(round.notes) do
              if id == note then candidate = true end
            end
            if not candidate then return werkraum.refuse('not_in_scope') end
          end
          if mine >= round.maxPerNote then return werkraum.refuse('vote_limit_per_note') end
          if used >= round.votesPerParticipant then return werkraum.refuse('vote_budget_exhausted') end
          votes[note] = mine + 1
          if used == 0 then redis.call('HINCRBY', ballot, 'voters', 1) end
          redis.call('HINCRBY', ballot, 'votes', 1)
          -- The organisation counts as it was when voting, even if the person is removed later.
          local organisation = werkraum.me and werkraum.me.organisation
          redis.call('HSETNX', ballot, 'o:' .. werkraum.sender, type(organisation) == 'string' and organisation or '')
        else
          if mine <= 0 then return werkraum.refuse('not_found') end
          votes[note] = mine > 1 and mine - 1 or nil
          if used == 1 then redis.call('HINCRBY', ballot, 'voters', -1) end
          redis.call('HINCRBY', ballot, 'votes', -1)
        end
        redis.call('HSET', ballot, mineField, cjson.encode(votes))
        redis.call('HINCRBY', ballot, 'v', 1)
        werkraum.reply = answer(round, votes)
      end, replay = function()
        local round = werkraum.decode(redis.call('HGET', rounds, werkraum.arg(2)))
        return round and answer(round, current(round)) or {}
      end}
      """);

  record Start(String id, String title, int votesPerParticipant, int maxPerNote, boolean anonymous, String room,
      List<String> sections, Long durationMs) {}

  record Close(String round) {}

  record Show(String round) {}

  record Vote(String round, String note, boolean cast) {}

  private final Vertx vertx;
  private final BoardStore store;
  private final Publisher publisher;
  private final SnapshotsFeature snapshots;
  /** The fewest voters an organisation needs in an anonymous round to be shown by name. */
  private final int anonymityThreshold;
  /** board id + round id -> the round's room, which never changes: a vote needs it to name its keys. */
  private final Map<String, String> roundRooms = new ConcurrentHashMap<>();

  public VotingFeature(Vertx vertx, BoardStore store, Publisher publisher, SnapshotsFeature snapshots,
      int anonymityThreshold) {
    this.vertx = vertx;
    this.store = store;
    this.publisher = publisher;
    this.snapshots = snapshots;
    this.anonymityThreshold = anonymityThreshold;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.ROUND_START, Set.of("round"), body -> start(body.object("round")),
        Access.FACILITATORS, this::start).audited(s -> new Audited(AuditAction.ROUND_STARTED,
            Map.of("round", s.id(), "room", s.room(), "anonymous", s.anonymous()))));
    table.add(new CommandSpec<>(CommandType.ROUND_CLOSE, Set.of("round"), body -> new Close(body.id("round")),
        Access.FACILITATORS, this::close).audited(VotingFeature::closing));
    table.add(new CommandSpec<>(CommandType.ROUND_SHOW, Set.of("round"), body -> new Show(body.optionalId("round")),
        Access.FACILITATORS, this::show));
    table.add(new CommandSpec<>(CommandType.VOTE_CAST, Set.of("round", "note"),
        body -> new Vote(body.id("round"), body.id("note"), true), Access.MEMBERS, this::vote));
    table.add(new CommandSpec<>(CommandType.VOTE_RETRACT, Set.of("round", "note"),
        body -> new Vote(body.id("round"), body.id("note"), false), Access.MEMBERS, this::vote));
  }

  private static Audited closing(Close close) {
    return new Audited(AuditAction.ROUND_CLOSED, Map.of("round", close.round()));
  }

  private static Start start(Fields round) {
    round.only(Set.of("id", "title", "votesPerParticipant", "maxPerNote", "anonymous", "room", "sections", "durationMs"));
    Long votes = round.optionalInteger("votesPerParticipant", 1, Limits.VOTES_MAX);
    int budget = votes == null ? Limits.VOTES_DEFAULT : votes.intValue();
    Long perNote = round.optionalInteger("maxPerNote", 1, Limits.VOTES_MAX);
    int cap = perNote == null ? Math.min(Limits.VOTES_PER_NOTE_DEFAULT, budget) : perNote.intValue();
    if (cap > budget) {
      throw Rejection.invalid("maxPerNote cannot exceed votesPerParticipant");
    }
    Boolean anonymous = round.optionalBool("anonymous");
    String room = round.optionalId("room");
    return new Start(round.id("id"), round.title("title"), budget, cap, anonymous == null || anonymous,
        room == null ? Limits.MAIN_ROOM : room, round.ids("sections", Limits.SECTIONS_PER_ROUND_MAX),
        round.optionalInteger("durationMs", Limits.ROUND_DURATION_MIN_MS, Limits.ROUND_DURATION_MAX_MS));
  }

  /**
   * A round over sections takes as candidates the notes that lie in them now: read, then committed
   * only if the room did not change meanwhile.
   */
  private Future<Result> start(Call<Start> call) {
    Start s = call.command();
    Future<Committed> committed = s.sections() == null
        ? commitStart(call, null, null)
        : call.decided(store, Stream.board(call.boardId()), () -> store.room(call.boardId(), s.room()).compose(content -> {
          List<Section> chosen = content.sections().stream().filter(x -> s.sections().contains(x.id())).toList();
          if (chosen.size() < s.sections().size()) {
            return Future.failedFuture(Rejection.notFound("a chosen section is not in room '" + s.room() + "'"));
          }
          List<String> candidates = Sections.inside(content.notes(), chosen).stream().map(Note::id).toList();
          return commitStart(call, candidates, content.seq());
        }));
    return committed.map(c -> {
      remember(call.boardId(), s.id(), s.room());
      return Result.of(c).firstTime(() -> {
        // Facilitators see at once that nobody has voted yet.
        publisher.toFacilitators(call.boardId(), progress(s.id(), !s.anonymous(), 0, 0, List.of()));
        if (s.durationMs() != null) {
          // Best effort: votes after the end are refused anyway, and an overdue round is closed on
          // the next vote or sync if this node is gone by then.
          vertx.setTimer(s.durationMs() + 250, id -> closeOverdue(call.boardId(), s.id()));
        }
      });
    });
  }

  private Future<Committed> commitStart(Call<Start> call, List<String> candidates, Long seq) {
    Start s = call.command();
    Round round = new Round(s.id(), s.title(), s.votesPerParticipant(), s.maxPerNote(), s.anonymous(), s.room(),
        s.sections(), candidates, Round.OPEN, call.now(), s.durationMs() == null ? null : call.now() + s.durationMs(),
        call.actor().participantId(), null, null);
    return store.commit(call.commit(START).event(Stream.board(call.boardId()), new RoundStarted(round)).inRoom(s.room())
        .key(Keys.rounds(call.boardId())).key(Keys.ballot(call.boardId())).key(Keys.roomSeq(call.boardId(), s.room()))
        .arg(s.id()).arg(EventCodec.write(round)).arg(Limits.ROUNDS_MAX).optionalArg(seq));
  }

  /**
   * The tally (pure, in {@link Tally}) of the ballot as read, committed only if no vote came and
   * the room did not change meanwhile; then a snapshot of the results.
   */
  private Future<Result> close(Call<Close> call) {
    String id = call.command().round();
    // The title for the snapshot, from the read the close was decided on (a resend takes none).
    AtomicReference<String> title = new AtomicReference<>();
    return call.decided(store, Stream.board(call.boardId()), () -> store.round(call.boardId(), id).compose(round -> {
      if (round == null) {
        return Future.failedFuture(Rejection.notFound("no round '" + id + "'"));
      }
      if (!round.openForVotes()) {
        return Future.failedFuture(new Rejection(ErrorCode.ROUND_CLOSED, "the round is closed already"));
      }
      title.set(round.title());
      return Future.all(store.ballot(call.boardId()), store.room(call.boardId(), round.room())).compose(both -> {
        Ballot read = both.resultAt(0);
        Ballot ballot = read.isFor(id) ? read : Ballot.empty();
        RoomContent room = both.resultAt(1);
        Map<String, Note> notes = room.notes().stream().collect(Collectors.toMap(Note::id, Function.identity()));
        Round closed = round.closed(call.now(), Tally.of(round, ballot, notes, anonymityThreshold));
        return store.commit(call.commit(CLOSE).event(Stream.board(call.boardId()),
                new RoundClosed(closed, call.actor().participantId()))
            .key(Keys.rounds(call.boardId())).key(Keys.ballot(call.boardId()))
            .key(Keys.roomSeq(call.boardId(), round.room()))
            .arg(id).arg(EventCodec.write(closed)).arg(ballot.version()).arg(room.seq()));
      });
    })).map(c -> Result.of(c).firstTime(() ->
        // The results are a moment worth keeping.
        snapshots.takeOnOccasion(call, SnapshotInfo.ROUND_CLOSED, title.get())));
  }

  private Future<Result> show(Call<Show> call) {
    String id = call.command().round();
    return store.commit(SettingsChange.naming(call, Keys.rounds(call.boardId()), id,
            Collections.singletonMap("shownRound", id)))
        .map(Result::of);
  }

  private Future<Result> vote(Call<Vote> call) {
    Vote v = call.command();
    return roundRoom(call.boardId(), v.round()).compose(room -> store.commit(call.commit(VOTE).inRoom(room)
            .key(Keys.rounds(call.boardId())).key(Keys.ballot(call.boardId())).key(Keys.notes(call.boardId(), room))
            .arg(v.cast() ? "cast" : "retract").arg(v.round()).arg(v.note())))
        .recover(err -> {
          if (err instanceof Rejection r && r.code() == ErrorCode.ROUND_CLOSED) {
            closeOverdue(call.boardId(), v.round());
          }
          return Future.failedFuture(err);
        })
        .map(committed -> {
          JsonObject answer = committed.reply();
          JsonObject mine = new JsonObject().put("round", v.round()).put("mine", answer.getJsonObject("mine", new JsonObject()))
              .put("remaining", answer.getInteger("remaining", 0));
          return Result.of(committed).putAll(mine).firstTime(() -> {
            publisher.toParticipant(call.boardId(), call.actor().participantId(),
                mine.copy().put("type", MessageType.VOTES_MINE.wire()));
            JsonArray voted = answer.getJsonArray("voted");
            publisher.toFacilitators(call.boardId(), progress(v.round(), voted != null, answer.getInteger("voters", 0),
                answer.getInteger("votes", 0), voted == null ? List.of() : voted.getList()));
          });
        });
  }

  /** The room of a round, read once and then known: it never changes. */
  private Future<String> roundRoom(String boardId, String roundId) {
    String known = roundRooms.get(boardId + "/" + roundId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return store.round(boardId, roundId).map(round -> {
      if (round == null) {
        throw Rejection.notFound("no round '" + roundId + "'");
      }
      remember(boardId, roundId, round.room());
      return round.room();
    });
  }

  private void remember(String boardId, String roundId, String room) {
    if (roundRooms.size() > 10_000) {
      roundRooms.clear(); // a plain bound: rooms are read again when needed
    }
    roundRooms.put(boardId + "/" + roundId, room);
  }

  /**
   * What a sync adds for voting: the reader's votes in the open round, and for facilitators its
   * progress. A round found past its end is closed on the way.
   */
  public JsonObject syncPart(Actor reader, Round open, Ballot ballot) {
    JsonObject part = new JsonObject().putNull("voting");
    if (open == null) {
      return part;
    }
    if (open.endsAt() != null && open.endsAt() < System.currentTimeMillis()) {
      closeOverdue(reader.boardId(), open.id());
    }
    Map<String, Integer> mine = ballot.of(reader.participantId());
    part.put("voting", new JsonObject().put("round", open.id()).put("mine", new JsonObject(new LinkedHashMap<>(mine)))
        .put("remaining", open.votesPerParticipant() - ballot.used(reader.participantId())));
    if (reader.isFacilitator()) {
      part.put("progress", progress(open.id(), !open.anonymous(), ballot.voters(), ballot.total(), ballot.voted()));
    }
    return part;
  }

  /**
   * How far an open round is: how many voted, how many votes; for named rounds who has voted.
   * Facilitators work out who has not from the participants they see, so people who join or
   * leave while the round is open are counted right without another message.
   */
  private static JsonObject progress(String round, boolean named, int voters, int votes, List<?> voted) {
    JsonObject progress = new JsonObject().put("type", MessageType.ROUND_PROGRESS.wire()).put("round", round)
        .put("voters", voters).put("votes", votes);
    return named ? progress.put("voted", new JsonArray(List.copyOf(voted))) : progress;
  }

  /** Closes a round whose time ran out, as Werkraum itself; nothing to do when someone closed it already. */
  private void closeOverdue(String boardId, String roundId) {
    Actor system = Actor.system(boardId);
    long now = System.currentTimeMillis();
    Close overdue = new Close(roundId);
    Audited audited = closing(overdue);
    Call<Close> call = new Call<>(system, "close-" + roundId, overdue, now,
        AuditEntry.by(system, now, audited.action(), audited.details()));
    close(call).onSuccess(result -> result.conclude(publisher));
  }
}
