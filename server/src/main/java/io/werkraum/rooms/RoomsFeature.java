package io.werkraum.rooms;

import io.werkraum.audit.Audited;
import io.werkraum.audit.AuditAction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Area;
import io.werkraum.board.BoardEvent.ParticipantUpdated;
import io.werkraum.board.BoardEvent.RoomsAssigned;
import io.werkraum.board.BoardEvent.RoomsCreated;
import io.werkraum.board.BoardEvent.RoomsHarvested;
import io.werkraum.board.Note;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.board.RoomInfo;
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
import io.werkraum.protocol.Limits;
import io.werkraum.snapshots.SnapshotsFeature;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Commit;
import io.werkraum.store.Committed;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import io.werkraum.store.RoomContent;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Breakout rooms: create them (each optionally starting from a copy of a plenary section), assign
 * people (at random, balanced by organisation, by hand, or by their own choice), open and close
 * them, and harvest their results into the plenary.
 */
public final class RoomsFeature implements Feature {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * KEYS: 1 the plenary's sequence number, then per new room its notes and sections. ARGV: 1 the
   * new rooms, 2 the notes and 3 the sections each starts with, 4 the most rooms a board holds
   * (with the plenary), 5 the plenary's sequence number the copies were read at ('' for none).
   */
  private static final Script CREATE = Script.commit("rooms_create", """
      return werkraum.commit{run = function()
        local rooms = cjson.decode(werkraum.arg(1))
        for _, room in ipairs(rooms) do
          if redis.call('HEXISTS', werkraum.ROOMS, room.id) == 1 then return werkraum.refuse('conflict') end
        end
        if redis.call('HLEN', werkraum.ROOMS) + #rooms > tonumber(werkraum.arg(4)) then
          return werkraum.refuse('limit_reached')
        end
        local seq = werkraum.arg(5)
        if seq ~= '' and tonumber(redis.call('GET', werkraum.key(1)) or '0') ~= tonumber(seq) then
          return werkraum.STALE
        end
        local notes, sections = cjson.decode(werkraum.arg(2)), cjson.decode(werkraum.arg(3))
        for i, room in ipairs(rooms) do
          redis.call('HSET', werkraum.ROOMS, room.id, cjson.encode(room))
          for _, note in ipairs(notes) do
            redis.call('HSET', werkraum.key(2 * i), note.id, cjson.encode(note))
          end
          for _, section in ipairs(sections) do
            redis.call('HSET', werkraum.key(2 * i + 1), section.id, cjson.encode(section))
          end
        end
      end}
      """);

  /**
   * ARGV: 1 the mode, 2 participant -> room (false for none), 3 '1' when the assignments were
   * worked out from the people read before (then someone gone meanwhile means: read again).
   * Every room named must be a breakout room.
   */
  private static final Script ASSIGN = Script.commit("rooms_assign", """
      return werkraum.commit{run = function()
        local assignments = cjson.decode(werkraum.arg(2))
        for participant, room in pairs(assignments) do
          if room ~= cjson.null then
            local stored = werkraum.decode(redis.call('HGET', werkraum.ROOMS, room))
            if not stored or stored.kind ~= 'breakout' then return werkraum.refuse('not_found') end
          end
          if redis.call('HEXISTS', werkraum.PARTICIPANTS, participant) == 0 then
            if werkraum.arg(3) == '1' then return werkraum.STALE end
            return werkraum.refuse('not_found')
          end
        end
        for participant, room in pairs(assignments) do
          local person = werkraum.participant(participant)
          person.room = room
          person.v = (person.v or 0) + 1
          redis.call('HSET', werkraum.PARTICIPANTS, participant, cjson.encode(person))
        end
        werkraum.patchSettings({assignMode = werkraum.arg(1)})
      end}
      """);

  /**
   * ARGV: 1 who moves, 2 to which breakout room ('' for none), 3 '1' when it is the sender's own
   * choice (allowed only while the facilitator lets people pick).
   */
  private static final Script MOVE = Script.commit("participant_move", """
      return werkraum.commit{run = function()
        if werkraum.arg(3) == '1' and werkraum.settings().assignMode ~= 'choice' then
          return werkraum.refuse('not_allowed')
        end
        local person = werkraum.participant(werkraum.arg(1))
        if not person then return werkraum.refuse('not_found') end
        local room = werkraum.arg(2)
        if room ~= '' then
          local stored = werkraum.decode(redis.call('HGET', werkraum.ROOMS, room))
          if not stored or stored.kind ~= 'breakout' then return werkraum.refuse('not_found') end
          person.room = room
        else
          person.room = nil
        end
        person.v = (person.v or 0) + 1
        redis.call('HSET', werkraum.PARTICIPANTS, werkraum.arg(1), cjson.encode(person))
      end}
      """);

  /**
   * KEYS: 1 the plenary's notes, 2 its sections, 3 the breakout room's sequence number. ARGV: 1 the
   * breakout room, 2 its section (new or updated), 3 the copies (new or updated), 4 the ids of
   * earlier copies to remove, 5 the plenary's and 6 the breakout room's sequence numbers the layout
   * was worked out at, 7 the most notes a room holds. The limit counts only copies not there yet.
   */
  private static final Script HARVEST = Script.commit("rooms_harvest", """
      return werkraum.commit{run = function()
        local source = werkraum.decode(redis.call('HGET', werkraum.ROOMS, werkraum.arg(1)))
        if not source or source.kind ~= 'breakout' then return werkraum.refuse('not_found') end
        if tonumber(redis.call('GET', werkraum.STREAM_SEQ) or '0') ~= tonumber(werkraum.arg(5))
            or tonumber(redis.call('GET', werkraum.key(3)) or '0') ~= tonumber(werkraum.arg(6)) then
          return werkraum.STALE
        end
        local copies, removed = cjson.decode(werkraum.arg(3)), cjson.decode(werkraum.arg(4))
        local added = 0
        for _, note in ipairs(copies) do
          added = added + (1 - redis.call('HEXISTS', werkraum.key(1), note.id))
        end
        if redis.call('HLEN', werkraum.key(1)) - #removed + added > tonumber(werkraum.arg(7)) then
          return werkraum.refuse('limit_reached')
        end
        local section = cjson.decode(werkraum.arg(2))
        redis.call('HSET', werkraum.key(2), section.id, werkraum.arg(2))
        for _, id in ipairs(removed) do
          redis.call('HDEL', werkraum.key(1), id)
        end
        for _, note in ipairs(copies) do
          redis.call('HSET', werkraum.key(1), note.id, cjson.encode(note))
        end
      end}
      """);

  record Create(List<RoomInfo> rooms, String templateSection) {}

  record Assign(String mode, Map<String, String> assignments) {}

  record Move(String id, String room) {}

  record Choose(String room) {}

  record Open(boolean open) {}

  /** @param near the middle of the facilitator's view of the plenary, where a first harvest goes (or null) */
  record Harvest(String room, HarvestLayout.Point near) {}

  private static final String MANUAL = "manual";
  private static final String CHOICE = "choice";

  private final BoardStore store;
  private final SnapshotsFeature snapshots;

  public RoomsFeature(BoardStore store, SnapshotsFeature snapshots) {
    this.store = store;
    this.snapshots = snapshots;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.ROOMS_CREATE, Set.of("rooms", "templateSection"), RoomsFeature::create,
        Access.FACILITATORS, this::create));
    table.add(new CommandSpec<>(CommandType.ROOMS_ASSIGN, Set.of("mode", "assignments"), RoomsFeature::assign,
        Access.FACILITATORS, this::assign));
    table.add(new CommandSpec<>(CommandType.PARTICIPANT_MOVE, Set.of("id", "room"),
        body -> new Move(body.id("id"), body.optionalId("room")), Access.FACILITATORS,
        call -> move(call, call.command().id(), call.command().room(), false)));
    table.add(new CommandSpec<>(CommandType.ROOM_CHOOSE, Set.of("room"), body -> new Choose(body.id("room")),
        Access.MEMBERS, call -> move(call, call.actor().participantId(), call.command().room(), true)));
    table.add(new CommandSpec<>(CommandType.ROOMS_OPEN, Set.of(), body -> new Open(true), Access.FACILITATORS,
        this::open).audited(open -> Audited.of(AuditAction.ROOMS_OPENED)));
    table.add(new CommandSpec<>(CommandType.ROOMS_CLOSE, Set.of(), body -> new Open(false), Access.FACILITATORS,
        this::open).audited(close -> Audited.of(AuditAction.ROOMS_CLOSED)));
    table.add(new CommandSpec<>(CommandType.ROOMS_HARVEST, Set.of("room", "near"), RoomsFeature::harvest,
        Access.FACILITATORS, this::harvest));
  }

  private static Create create(Fields body) {
    List<RoomInfo> rooms = new ArrayList<>();
    for (Fields room : body.objects("rooms", 1, Limits.ROOMS_MAX)) {
      room.only(Set.of("id", "name"));
      String id = room.id("id");
      if (id.equals(Limits.MAIN_ROOM) || rooms.stream().anyMatch(r -> r.id().equals(id))) {
        throw Rejection.invalid("room ids must be distinct and not '" + Limits.MAIN_ROOM + "'");
      }
      rooms.add(new RoomInfo(id, room.label("name"), RoomInfo.BREAKOUT, 0));
    }
    return new Create(rooms, body.optionalId("templateSection"));
  }

  private static Assign assign(Fields body) {
    String mode = body.choice("mode", Set.of("random", "balanced", MANUAL, CHOICE));
    Map<String, String> assignments = new LinkedHashMap<>();
    if (mode.equals(MANUAL)) {
      Fields given = body.object("assignments");
      for (String participant : given.names(1_000)) {
        if (!Limits.ID.matcher(participant).matches()) {
          throw Rejection.invalid("assignments map participant ids to room ids or null");
        }
        assignments.put(participant, given.optionalId(participant));
      }
    } else if (body.has("assignments")) {
      throw Rejection.invalid("assignments go only with the manual mode");
    }
    return new Assign(mode, assignments);
  }

  /** New rooms; with a template section, each starts with a copy of it and the notes inside it. */
  private Future<Result> create(Call<Create> call) {
    String section = call.command().templateSection();
    if (section == null) {
      return commitCreate(call, List.of(), List.of(), null).map(Result::of);
    }
    return call.decided(store, Stream.board(call.boardId()), () -> store.room(call.boardId(), Limits.MAIN_ROOM).compose(plenary -> {
      Section template = plenary.sections().stream().filter(s -> s.id().equals(section)).findFirst().orElse(null);
      if (template == null) {
        return Future.failedFuture(Rejection.notFound("no section '" + section + "' in the plenary"));
      }
      return commitCreate(call, Sections.inside(plenary.notes(), List.of(template)), List.of(template), plenary.seq());
    })).map(Result::of);
  }

  private Future<Committed> commitCreate(Call<Create> call, List<Note> notes, List<Section> sections,
      Long plenarySeq) {
    List<RoomInfo> rooms = call.command().rooms().stream()
        .map(r -> new RoomInfo(r.id(), r.name(), RoomInfo.BREAKOUT, call.now())).toList();
    Commit commit = call.commit(CREATE)
        .event(Stream.board(call.boardId()), new RoomsCreated(rooms, call.actor().participantId()))
        .key(Keys.roomSeq(call.boardId(), Limits.MAIN_ROOM));
    rooms.forEach(r -> commit.key(Keys.notes(call.boardId(), r.id())).key(Keys.sections(call.boardId(), r.id())));
    return store.commit(commit.arg(EventCodec.write(rooms)).arg(EventCodec.write(notes)).arg(EventCodec.write(sections))
        .arg(Limits.ROOMS_MAX + 1).optionalArg(plenarySeq));
  }

  /** Everyone's room at once, as the chosen mode works it out from the people and rooms there are. */
  private Future<Result> assign(Call<Assign> call) {
    Assign a = call.command();
    if (a.mode().equals(MANUAL) || a.mode().equals(CHOICE)) {
      return commitAssign(call, a.assignments(), false).map(Result::of);
    }
    return call.decided(store, Stream.board(call.boardId()), () -> Future.all(store.participants(call.boardId()), store.rooms(call.boardId()))
        .compose(both -> {
          List<JsonObject> participants = both.resultAt(0);
          JsonObject rooms = both.resultAt(1);
          List<String> breakout = rooms.stream()
              .filter(e -> RoomInfo.BREAKOUT.equals(((JsonObject) e.getValue()).getString("kind")))
              .map(Map.Entry::getKey).sorted().toList();
          if (breakout.isEmpty()) {
            return Future.failedFuture(Rejection.notFound("create breakout rooms first"));
          }
          List<Assignment.Person> people = participants.stream()
              .filter(p -> Role.PARTICIPANT.wire().equals(p.getString("role")))
              .map(p -> new Assignment.Person(p.getString("id"), p.getString("organisation", "")))
              .toList();
          Map<String, String> assignments = a.mode().equals("random")
              ? Assignment.random(people, breakout, RANDOM)
              : Assignment.balanced(people, breakout, RANDOM);
          return commitAssign(call, assignments, true);
        })).map(Result::of);
  }

  private Future<Committed> commitAssign(Call<Assign> call, Map<String, String> assignments,
      boolean workedOut) {
    return store.commit(call.commit(ASSIGN)
        .event(Stream.board(call.boardId()),
            new RoomsAssigned(call.command().mode(), assignments, call.actor().participantId()))
        .arg(call.command().mode()).arg(EventCodec.write(assignments)).arg(workedOut ? "1" : "0"));
  }

  private Future<Result> move(Call<?> call, String participant, String room, boolean ownChoice) {
    Map<String, Object> patch = Collections.singletonMap("room", room);
    return store.commit(call.commit(MOVE).event(Stream.board(call.boardId()), new ParticipantUpdated(participant, patch))
            .arg(participant).optionalArg(room).arg(ownChoice ? "1" : "0"))
        .map(Result::of);
  }

  /** Opens the rooms (everyone into theirs) or closes them; closing is a moment worth keeping. */
  private Future<Result> open(Call<Open> call) {
    boolean open = call.command().open();
    return SettingsChange.set(store, call, "breakout", open ? "open" : "closed").map(result -> open ? result
        : result.firstTime(() -> snapshots.takeOnOccasion(call, SnapshotInfo.ROOMS_CLOSED, null)));
  }

  /** The room, and the point near which a first harvest goes: numbers within the plane, nothing else. */
  private static Harvest harvest(Fields body) {
    HarvestLayout.Point near = null;
    if (body.has("near")) {
      Fields point = body.object("near").only(Set.of("x", "y"));
      near = new HarvestLayout.Point(point.coordinate("x"), point.coordinate("y"));
    }
    return new Harvest(body.id("room"), near);
  }

  /**
   * A room's notes into the plenary under its section (the same one at every harvest of the room),
   * laid out (pure, in {@link HarvestLayout}) on both rooms as read, committed only if neither
   * changed meanwhile: a new section lands on a spot that was free when the commit is made.
   */
  private Future<Result> harvest(Call<Harvest> call) {
    String room = call.command().room();
    return call.decided(store, Stream.room(call.boardId(), Limits.MAIN_ROOM), () -> Future.all(store.rooms(call.boardId()), store.room(call.boardId(), Limits.MAIN_ROOM),
        store.room(call.boardId(), room)).compose(all -> {
          JsonObject info = ((JsonObject) all.resultAt(0)).getJsonObject(room);
          if (info == null || !RoomInfo.BREAKOUT.equals(info.getString("kind"))) {
            return Future.failedFuture(Rejection.notFound("no breakout room '" + room + "'"));
          }
          RoomContent plenary = all.resultAt(1);
          RoomContent source = all.resultAt(2);
          List<Area> occupied = new ArrayList<>(plenary.notes());
          occupied.addAll(plenary.sections());
          HarvestLayout.Harvest harvest = HarvestLayout.of(occupied, room, info.getString("name"), source.notes(),
              call.command().near(), call.actor().participantId(), call.now());
          return store.commit(call.commit(HARVEST)
              .event(Stream.room(call.boardId(), Limits.MAIN_ROOM), new RoomsHarvested(room, info.getString("name"),
                  harvest.section(), harvest.notes(), harvest.removed(), call.actor().participantId()))
              .inRoom(Limits.MAIN_ROOM)
              .key(Keys.notes(call.boardId(), Limits.MAIN_ROOM)).key(Keys.sections(call.boardId(), Limits.MAIN_ROOM))
              .key(Keys.roomSeq(call.boardId(), room))
              .arg(room).arg(EventCodec.write(harvest.section())).arg(EventCodec.write(harvest.notes()))
              .arg(EventCodec.write(harvest.removed()))
              .arg(plenary.seq()).arg(source.seq()).arg(Limits.NOTES_PER_ROOM_MAX));
        })).map(Result::of);
  }
}
