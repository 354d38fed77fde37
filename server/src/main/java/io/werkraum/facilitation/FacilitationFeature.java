package io.werkraum.facilitation;

import io.werkraum.audit.Audited;
import io.werkraum.audit.AuditAction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Board;
import io.werkraum.board.BoardEvent.LinksRenewed;
import io.werkraum.board.BoardEvent.NotesRevealed;
import io.werkraum.board.BoardEvent.SettingsUpdated;
import io.werkraum.board.Note;
import io.werkraum.board.Patch;
import io.werkraum.board.Rejection;
import io.werkraum.board.Timer;
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
import io.werkraum.store.BoardStore;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What facilitators steer: the lock, the spotlight, bringing everyone to a view and follow-me,
 * broadcast messages, the timer, private writing and revealing, and the links.
 */
public final class FacilitationFeature implements Feature {
  /**
   * KEYS: 1 the room's notes. ARGV: 1 the room's sequence number the hidden notes were read at,
   * 2 their ids. Every hidden note of the room becomes visible.
   */
  private static final Script REVEAL = Script.commit("notes_reveal", """
      return werkraum.commit{run = function()
        if tonumber(redis.call('GET', werkraum.STREAM_SEQ) or '0') ~= tonumber(werkraum.arg(1)) then
          return werkraum.STALE
        end
        local notes = werkraum.key(1)
        for _, id in ipairs(cjson.decode(werkraum.arg(2))) do
          local note = cjson.decode(redis.call('HGET', notes, id))
          note.hidden = nil
          redis.call('HSET', notes, id, cjson.encode(note))
        end
      end}
      """);

  /** KEYS: 1 the board's meta. ARGV: 1 the credential's field, 2 its new value. */
  private static final Script RENEW = Script.commit("link_renew", """
      return werkraum.commit{run = function()
        redis.call('HSET', werkraum.key(1), werkraum.arg(1), werkraum.arg(2))
      end}
      """);

  /**
   * KEYS: 1 who joined signed in, 2 the owners. ARGV: 1 the patch. Only an owner (a facilitator
   * who joined signed in as one) switches whether facilitators must sign in.
   */
  private static final Script SIGN_IN_SWITCH = Script.commit("signin_switch", """
      return werkraum.commit{run = function()
        local subject = redis.call('HGET', werkraum.key(1), werkraum.sender)
        if not subject or redis.call('HEXISTS', werkraum.key(2), subject) == 0 then
          return werkraum.refuse('not_allowed')
        end
        werkraum.patchSettings(cjson.decode(werkraum.arg(1)))
      end}
      """);

  private static final String PARTICIPANT = "participant";
  private static final String OBSERVER = "observer";

  record Setting(String field, Object value) {}

  record SignInSwitch(boolean required) {}

  record Spotlight(String room, String id) {}

  record TimerChange(Action action, long ms) {}

  enum Action { START, PAUSE, RESUME, ADD, RESET }

  record Reveal(String room) {}

  record Renew(String kind) {}

  record Nothing() {}

  private final BoardStore store;

  public FacilitationFeature(BoardStore store) {
    this.store = store;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.BOARD_LOCK, Set.of("locked"),
        body -> new Setting("locked", body.bool("locked")), Access.FACILITATORS, this::set)
        .audited(s -> Audited.of(Boolean.TRUE.equals(s.value()) ? AuditAction.BOARD_LOCKED : AuditAction.BOARD_UNLOCKED)));
    setting(table, CommandType.PRIVATE_SET, Set.of("on"), body -> new Setting("privateWriting", body.bool("on")));
    setting(table, CommandType.SPOTLIGHT_CLEAR, Set.of(), body -> new Setting("spotlight", null));
    setting(table, CommandType.BROADCAST_CLEAR, Set.of(), body -> new Setting("broadcast", null));
    setting(table, CommandType.VIEW_FOLLOW, Set.of("on"), body -> new Setting("follow", body.bool("on")));
    setting(table, CommandType.VIEW_BRING, Set.of("viewport"), body -> {
      Fields viewport = body.object("viewport").only(Set.of("x", "y", "zoom"));
      return new Setting("focus", Map.of(
          "x", viewport.number("x", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX),
          "y", viewport.number("y", -Limits.COORDINATE_MAX, Limits.COORDINATE_MAX),
          "zoom", viewport.exactNumber("zoom", Limits.ZOOM_MIN, Limits.ZOOM_MAX)));
    });
    setting(table, CommandType.BROADCAST_SEND, Set.of("text"), body -> {
      String text = body.string("text", Limits.BROADCAST_MAX).strip();
      if (text.isEmpty()) {
        throw Rejection.invalid("field 'text' must not be blank");
      }
      return new Setting("broadcast", text);
    });
    table.add(new CommandSpec<>(CommandType.BOARD_SIGNIN, Set.of("required"),
        body -> new SignInSwitch(body.bool("required")), Access.FACILITATORS, this::signInSwitch));
    table.add(new CommandSpec<>(CommandType.SPOTLIGHT_SET, Set.of("room", "id"),
        body -> new Spotlight(body.id("room"), body.id("id")), Access.FACILITATORS, this::spotlight));
    timer(table, CommandType.TIMER_START, Set.of("durationMs"),
        body -> new TimerChange(Action.START, body.integer("durationMs", Limits.TIMER_MIN_MS, Limits.TIMER_MAX_MS)));
    timer(table, CommandType.TIMER_ADD, Set.of("ms"),
        body -> new TimerChange(Action.ADD, body.integer("ms", -Limits.TIMER_MAX_MS, Limits.TIMER_MAX_MS)));
    timer(table, CommandType.TIMER_PAUSE, Set.of(), body -> new TimerChange(Action.PAUSE, 0));
    timer(table, CommandType.TIMER_RESUME, Set.of(), body -> new TimerChange(Action.RESUME, 0));
    timer(table, CommandType.TIMER_RESET, Set.of(), body -> new TimerChange(Action.RESET, 0));
    table.add(new CommandSpec<>(CommandType.PRIVATE_REVEAL, Set.of("room"), body -> new Reveal(body.id("room")),
        Access.FACILITATORS, this::reveal));
    table.add(new CommandSpec<>(CommandType.LINKS_GET, Set.of(), body -> new Nothing(), Access.FACILITATORS,
        this::links));
    table.add(new CommandSpec<>(CommandType.LINKS_RENEW, Set.of("kind"),
        body -> new Renew(body.choice("kind", Set.of(PARTICIPANT, OBSERVER))), Access.FACILITATORS, this::renew)
        .audited(r -> new Audited(AuditAction.LINKS_RENEWED, Map.of("kind", r.kind()))));
  }

  private void setting(CommandTable.Builder table, CommandType type, Set<String> fields,
      CommandSpec.Parser<Setting> parser) {
    table.add(new CommandSpec<>(type, fields, parser, Access.FACILITATORS, this::set));
  }

  private void timer(CommandTable.Builder table, CommandType type, Set<String> fields,
      CommandSpec.Parser<TimerChange> parser) {
    table.add(new CommandSpec<>(type, fields, parser, Access.FACILITATORS, this::timer));
  }

  /** A setting; some carry who set it and when (the broadcast, the shared view) or are the sender (follow-me). */
  private Future<Result> set(Call<Setting> call) {
    Setting s = call.command();
    String by = call.actor().participantId();
    Object value = switch (s.field()) {
      case "broadcast" -> s.value() == null ? null : Map.of("text", s.value(), "by", by, "at", call.now());
      case "focus" -> Map.of("viewport", s.value(), "by", by, "at", call.now());
      case "follow" -> Boolean.TRUE.equals(s.value()) ? by : null;
      default -> s.value();
    };
    return SettingsChange.set(store, call, s.field(), value);
  }

  /** Whether the board's facilitators must sign in: {@code settings.facilitatorSignIn}, by an owner only. */
  private Future<Result> signInSwitch(Call<SignInSwitch> call) {
    Map<String, Object> patch = Map.of("facilitatorSignIn", call.command().required());
    return store.commit(call.commit(SIGN_IN_SWITCH)
            .event(Stream.board(call.boardId()), new SettingsUpdated(patch, call.actor().participantId()))
            .key(Keys.signedIn(call.boardId())).key(Keys.owners(call.boardId()))
            .arg(EventCodec.write(patch)))
        .map(Result::of);
  }

  private Future<Result> spotlight(Call<Spotlight> call) {
    Spotlight s = call.command();
    Map<String, Object> spotlight = Map.of("spotlight", Map.of("room", s.room(), "id", s.id()));
    return store.commit(SettingsChange.naming(call, Keys.notes(call.boardId(), s.room()), s.id(), spotlight)
            .inRoom(s.room()))
        .map(Result::of);
  }

  /**
   * The timer as it is stored, moved on by the command (pure, in {@link Timer}), committed only if
   * the settings did not change meanwhile: two facilitators pressing at once do not overwrite
   * each other.
   */
  private Future<Result> timer(Call<TimerChange> call) {
    TimerChange t = call.command();
    return call.decided(store, Stream.board(call.boardId()), () -> store.settings(call.boardId()).compose(settings -> {
      Timer current = Timer.from(settings.getMap().get("timer"));
      long now = call.now();
      Timer next = switch (t.action()) {
        case START -> current.start(t.ms(), now);
        case PAUSE -> current.pause(now);
        case RESUME -> current.resume(now);
        case ADD -> current.add(t.ms(), now);
        case RESET -> current.reset();
      };
      return SettingsChange.commit(store, call, new Patch(Map.of("timer", next)), settings.getLong("v", 0L));
    })).map(Result::of);
  }

  /** Every hidden note of the room, whole, to everyone: read, then committed if the room did not change. */
  private Future<Result> reveal(Call<Reveal> call) {
    String room = call.command().room();
    return call.decided(store, Stream.room(call.boardId(), room), () -> store.room(call.boardId(), room).compose(content -> {
      List<Note> revealed = content.notes().stream().filter(Note::keptPrivate).map(Note::revealed).toList();
      return store.commit(call.commit(REVEAL)
          .event(Stream.room(call.boardId(), room), new NotesRevealed(room, revealed, call.actor().participantId()))
          .inRoom(room).key(Keys.notes(call.boardId(), room))
          .arg(content.seq()).arg(EventCodec.write(revealed.stream().map(Note::id).toList())));
    })).map(Result::of);
  }

  /** The three links; a board made before observer links existed gets one now. */
  private Future<Result> links(Call<Nothing> call) {
    return store.board(call.boardId()).compose(board -> {
      if (board == null) {
        return Future.failedFuture(Rejection.notFound("no such board"));
      }
      if (board.observerCode() == null) {
        return renew(call, OBSERVER);
      }
      return Future.succeededFuture(Result.answer().put("links", linkPaths(board)));
    });
  }

  private Future<Result> renew(Call<Renew> call) {
    return renew(call, call.command().kind());
  }

  /** A new code for a link: the old link lets nobody in any more (people who joined keep their identity). */
  private Future<Result> renew(Call<?> call, String kind) {
    String field = kind.equals(PARTICIPANT) ? "joinCode" : "observerCode";
    return store.commit(call.commit(RENEW)
            .event(Stream.board(call.boardId()), new LinksRenewed(kind, call.actor().participantId()))
            .key(Keys.meta(call.boardId())).arg(field).arg(TokenService.randomId(12)))
        .compose(committed -> store.board(call.boardId()).map(board -> Result.of(committed).put("links", linkPaths(board))));
  }

  /** The links as paths: the browser knows its own origin; a server behind a proxy may not. */
  private static JsonObject linkPaths(Board board) {
    String base = "/b/" + board.id();
    return new JsonObject()
        .put("facilitator", base + "#f=" + board.facilitatorSecret())
        .put("participant", base + "#j=" + board.joinCode())
        .put("observer", base + "#o=" + board.observerCode());
  }
}
