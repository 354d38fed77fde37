package io.werkraum.boards;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.audit.AuditAction;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.auth.Passphrases;
import io.werkraum.auth.Sessions;
import io.werkraum.auth.SignedIn;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.BoardEvent.ParticipantJoined;
import io.werkraum.board.Participant;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.board.RoomInfo;
import io.werkraum.export.BoardDocument;
import io.werkraum.export.JsonExport;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import io.werkraum.publish.Publisher;
import io.werkraum.config.WerkraumConfig.Retention;
import io.werkraum.store.BoardCreation;
import io.werkraum.store.BoardRemoval;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Commit;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What happens before a socket exists: creating a board (empty, or from a document: an import, a
 * snapshot, a template) and joining one through a link.
 */
public final class Boards {
  /** The setting that makes newcomers (but facilitators) wait until a facilitator lets them in. */
  public static final String WAITING_ROOM = "waitingRoom";
  /** Cursor and list colours for participants, distinguishable and dark enough for white text. */
  private static final List<String> PARTICIPANT_COLORS = List.of(
      "#c0392b", "#1f6f8b", "#7d3c98", "#2e7d32", "#b9770e", "#ad1457", "#00695c", "#3949ab",
      "#6d4c41", "#5d6d7e");

  /**
   * KEYS: 1 the meta, 2 the owners, 3 who joined signed in. ARGV: 1 the new participant's id,
   * 2 the participant, 3 '1' when joining through the facilitator link, 4 the subject of a
   * signed-in person ('' for none), 5 their owner entry, 6 the hash of the passphrase they gave
   * ('' for none), 7 '1' when they wait to be let in (the board's waiting room is on; read
   * before: a change since makes the join read again). A board whose facilitators must sign in takes no facilitator who is not; a
   * signed-in facilitator becomes one of its owners. A board's passphrase binds everyone but
   * facilitators, whose link is the stronger secret.
   */
  private static final Script JOIN = Script.commit("participant_join", """
      return werkraum.commit{run = function()
        local facilitator = werkraum.arg(3) == '1'
        local subject = werkraum.arg(4)
        local passphrase = redis.call('HGET', werkraum.key(1), 'passphraseHash')
        if passphrase and not facilitator and passphrase ~= werkraum.arg(6) then
          return werkraum.refuse('passphrase_required')
        end
        if not facilitator and (werkraum.settings().waitingRoom == true) ~= (werkraum.arg(7) == '1') then
          return werkraum.STALE
        end
        if facilitator and subject == '' and werkraum.settings().facilitatorSignIn == true then
          return werkraum.refuse('sign_in_required')
        end
        if redis.call('HSETNX', werkraum.PARTICIPANTS, werkraum.arg(1), werkraum.arg(2)) == 0 then
          return werkraum.refuse('conflict')
        end
        if facilitator and subject ~= '' then
          redis.call('HSET', werkraum.key(2), subject, werkraum.arg(5))
          redis.call('HSET', werkraum.key(3), werkraum.arg(1), subject)
        end
      end}
      """);

  private final BoardStore store;
  private final BoardCreation creation;
  private final Sessions sessions;
  private final Publisher publisher;
  private final BoardRemoval removal;
  private final AuditLog audit;
  private final Retention retention;

  /**
   * @param removal where a new board is scheduled to be looked at when its retention would end
   * @param audit where creations are recorded
   */
  public Boards(BoardStore store, BoardCreation creation, Sessions sessions, Publisher publisher,
      BoardRemoval removal, AuditLog audit, Retention retention) {
    this.store = store;
    this.creation = creation;
    this.sessions = sessions;
    this.publisher = publisher;
    this.removal = removal;
    this.audit = audit;
    this.retention = retention;
  }

  /**
   * A new empty board with its plenary room; {@code owner} (null: nobody signed in) owns it.
   *
   * @param zone the zone its exports show times in; null for the server's configured one
   */
  public Future<Board> create(String title, SignedIn owner, ZoneId zone) {
    return create(board -> layout(board, Map.of(), owner), title, owner, zone);
  }

  /** A new board from an exported document, checked first; refused whole when it does not pass. */
  public Future<Board> importBoard(byte[] json, SignedIn owner) {
    return fromDocument(json, owner, null);
  }

  private Future<Board> fromDocument(byte[] json, SignedIn owner, ZoneId zone) {
    BoardDocument doc;
    try {
      doc = JsonExport.read(json);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return create(doc, owner, zone);
  }

  /**
   * A new board holding a (checked) document: the same rooms, sections, notes, participants (as
   * the record of who wrote what), rounds with their results and lasting settings, under a new id
   * and new links, in one atomic step. The owners are not copied: {@code owner} (null: nobody
   * signed in) owns the new board.
   *
   * @param zone the zone its exports show times in; null for the server's configured one
   */
  public Future<Board> create(BoardDocument doc, SignedIn owner, ZoneId zone) {
    return create(board -> {
      Map<String, String> rooms = new LinkedHashMap<>();
      for (BoardDocument.Room room : doc.rooms()) {
        rooms.put(room.id(), EventCodec.write(new RoomInfo(room.id(), room.name(), room.kind(), room.createdAt())));
      }
      BoardCreation.Layout layout = layout(board, rooms, owner)
          .participants(byId(doc.participants(), BoardDocument.Person::id))
          .rounds(byId(doc.rounds(), BoardDocument.Round::id));
      for (BoardDocument.Room room : doc.rooms()) {
        layout.notes(room.id(), byId(room.notes(), BoardDocument.Note::id))
            .sections(room.id(), byId(room.sections(), BoardDocument.Section::id));
      }
      if (doc.settings() != null) {
        layout.settings(EventCodec.write(settings(doc.settings(), board.createdAt())));
      }
      return layout;
    }, doc.title(), owner, zone);
  }

  /** Creates the board and records it, by whom when someone signed in. */
  private Future<Board> create(Function<Board, BoardCreation.Layout> layout, String title, SignedIn owner,
      ZoneId zone) {
    return stored(layout, title, zone).onSuccess(created -> audit.record(AuditEntry.byAccount(owner == null ? null : owner.subject(),
        created.id(), created.createdAt(), AuditAction.BOARD_CREATED, Map.of())));
  }

  private Future<Board> stored(Function<Board, BoardCreation.Layout> layout, String title, ZoneId zone) {
    Board board = new Board(TokenService.randomId(9), title, System.currentTimeMillis(), TokenService.randomId(24),
        TokenService.randomId(12), TokenService.randomId(12), zone);
    // Scheduled first: a node dying right after creating it must not leave a board nobody deletes.
    // An id collision: 72 random bits make it all but impossible, but it must not overwrite a board.
    return removal.scheduleBy(board.id(), retention.expiresAt(board.createdAt(), null))
        .compose(scheduled -> creation.create(layout.apply(board)))
        .compose(created -> created ? Future.succeededFuture(board) : stored(layout, title, zone));
  }

  /**
   * The meta hash (with the board's time zone when it has one), the rooms (the plenary always
   * among them) and the owner, if someone signed in.
   */
  private static BoardCreation.Layout layout(Board board, Map<String, String> rooms, SignedIn owner) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("id", board.id());
    meta.put("title", board.title());
    meta.put("createdAt", Long.toString(board.createdAt()));
    meta.put("facilitatorSecret", board.facilitatorSecret());
    meta.put("joinCode", board.joinCode());
    meta.put("observerCode", board.observerCode());
    if (board.timeZone() != null) {
      meta.put("timeZone", board.timeZone().getId());
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put(Limits.MAIN_ROOM, EventCodec.write(new RoomInfo(Limits.MAIN_ROOM, "", RoomInfo.PLENARY, board.createdAt())));
    all.putAll(rooms);
    return new BoardCreation.Layout(board.id(), meta).rooms(all)
        .owners(owner == null ? Map.of() : Map.of(owner.subject(), owner.shown().encode()));
  }

  /** The settings item as the commands that change it store it. */
  private static Map<String, Object> settings(BoardDocument.Settings settings, long now) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("locked", settings.locked());
    item.put("privateWriting", settings.privateWriting());
    item.put("breakout", settings.breakoutOpen() ? "open" : "closed");
    if (settings.broadcast() != null) {
      item.put("broadcast", Map.of("text", settings.broadcast(), "by", "werkraum", "at", now));
    }
    return item;
  }

  private static <T> Map<String, String> byId(List<T> list, Function<T, String> id) {
    Map<String, String> values = new LinkedHashMap<>();
    list.forEach(item -> values.put(id.apply(item), EventCodec.write(item)));
    return values;
  }

  /** How someone joins: the credential of the facilitator, participant or observer link. */
  public enum Credential {
    FACILITATOR_SECRET(Role.FACILITATOR),
    JOIN_CODE(Role.PARTICIPANT),
    OBSERVER_CODE(Role.OBSERVER);

    private final Role role;

    Credential(Role role) {
      this.role = role;
    }

    String expected(Board board) {
      return switch (this) {
        case FACILITATOR_SECRET -> board.facilitatorSecret();
        case JOIN_CODE -> board.joinCode();
        case OBSERVER_CODE -> board.observerCode();
      };
    }
  }

  /**
   * Adds a participant (committed with {@code participant.joined}) and returns {token, participant,
   * board}; refused with passphrase_required when the board asks for one and it is missing or
   * wrong. {@code signedIn} is who is signed in in the joining browser (null: nobody); it matters
   * only for the facilitator link (see {@link #JOIN}).
   */
  public Future<JsonObject> join(String boardId, Credential kind, String secret, String name, String organisation,
      String passphrase, SignedIn signedIn) {
    return Future.all(store.board(boardId), store.passphraseSalt(boardId)).compose(read -> {
      Board board = read.resultAt(0);
      String salt = read.resultAt(1);
      if (board == null) {
        return Future.failedFuture(Rejection.boardGone());
      }
      if (!constantTimeEquals(kind.expected(board), secret)) {
        return Future.failedFuture(Rejection.notAllowed("the link is not valid (any more)"));
      }
      String id = TokenService.randomId(9);
      String color = PARTICIPANT_COLORS.get(Math.floorMod(id.hashCode(), PARTICIPANT_COLORS.size()));
      long now = System.currentTimeMillis();
      // The hash is compared in the script: a passphrase changed meanwhile is the one that counts.
      String given = salt == null || passphrase == null ? "" : Passphrases.hash(passphrase, salt);
      boolean facilitator = kind == Credential.FACILITATOR_SECRET;
      Actor system = Actor.system(boardId);
      AtomicReference<Participant> joined = new AtomicReference<>();
      // Werkraum itself records the joining: the newcomer is not on the board until it is done.
      // Whether they wait to be let in is read first and checked again in the script.
      return store.decided(system, "join-" + id, now, Stream.board(boardId), () -> store.settings(boardId).compose(settings -> {
        boolean waiting = !facilitator && Boolean.TRUE.equals(settings.getValue(WAITING_ROOM));
        Participant participant = new Participant(id, name, organisation, kind.role, color, now, waiting ? Boolean.TRUE : null);
        joined.set(participant);
        return store.commit(Commit.by(system, "join-" + id, now, JOIN)
            .event(Stream.board(boardId), new ParticipantJoined(participant))
            .key(Keys.meta(boardId)).key(Keys.owners(boardId)).key(Keys.signedIn(boardId))
            .arg(id).arg(EventCodec.write(participant)).arg(facilitator ? "1" : "0")
            .arg(signedIn == null ? "" : signedIn.subject()).arg(signedIn == null ? "" : signedIn.shown().encode())
            .arg(given).arg(waiting ? "1" : "0"));
      })).map(committed -> {
        publisher.committed(committed);
        return new JsonObject()
            .put("token", sessions.tokens().issue(new Actor(boardId, id, kind.role)))
            .put("participant", JsonObject.mapFrom(joined.get()))
            .put("board", BoardStore.publicBoard(board));
      });
    });
  }

  /**
   * A snapshot's content for a facilitator of the board: the stored document; null when the token
   * does not belong to this board (any more). Participants and observers get not_allowed: a
   * snapshot holds every room, and during breakouts they see only their own. An unknown snapshot
   * is not_found.
   */
  public Future<String> snapshot(String token, String boardId, String snapshotId) {
    Actor actor = sessions.tokens().verify(token);
    if (actor == null || !actor.boardId().equals(boardId)) {
      return Future.succeededFuture(null);
    }
    if (!actor.isFacilitator()) {
      return Future.failedFuture(Rejection.notAllowed("only facilitators open snapshots"));
    }
    if (!Limits.ID.matcher(snapshotId).matches()) {
      return Future.failedFuture(Rejection.notFound("no such snapshot"));
    }
    return store.participant(boardId, actor.participantId()).compose(participant -> participant == null
        ? Future.succeededFuture(null)
        : store.snapshot(boardId, snapshotId).compose(content -> content == null
            ? Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such snapshot"))
            : Future.succeededFuture(content)));
  }

  /**
   * A new board that starts as the snapshot shows the board, in the board's time zone, for a
   * facilitator of the board (see {@link #snapshot}); null when the token does not belong to it.
   */
  public Future<Board> fromSnapshot(String token, String boardId, String snapshotId, SignedIn owner) {
    return snapshot(token, boardId, snapshotId).compose(content -> content == null ? Future.succeededFuture(null)
        : store.board(boardId).compose(source -> fromDocument(content.getBytes(StandardCharsets.UTF_8), owner,
            source == null ? null : source.timeZone())));
  }

  private static boolean constantTimeEquals(String expected, String given) {
    if (given == null || expected == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
