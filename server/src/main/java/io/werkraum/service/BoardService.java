package io.werkraum.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Command;
import io.werkraum.board.Decider;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Limits;
import io.werkraum.board.Mutation;
import io.werkraum.board.Participant;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Outcome;
import io.werkraum.store.StreamRead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The use cases, between the transports (HTTP, bridge) and the store: create and join boards,
 * run commands, answer syncs. A command is acknowledged only after Redis committed it, and its
 * event is published after that.
 */
public final class BoardService {
  /** Cursor and list colours for participants, distinguishable and dark enough for white text. */
  private static final List<String> PARTICIPANT_COLORS = List.of(
      "#c0392b", "#1f6f8b", "#7d3c98", "#2e7d32", "#b9770e", "#ad1457", "#00695c", "#3949ab",
      "#6d4c41", "#5d6d7e");

  private final BoardStore store;
  private final TokenService tokens;
  private final Publisher publisher;

  public BoardService(BoardStore store, TokenService tokens, Publisher publisher) {
    this.store = store;
    this.tokens = tokens;
    this.publisher = publisher;
  }

  public Future<Board> createBoard(String title) {
    Board board = new Board(
        TokenService.randomId(9),
        title,
        System.currentTimeMillis(),
        TokenService.randomId(24),
        TokenService.randomId(12),
        TokenService.randomId(12));
    return store.createBoard(board).compose(created -> created
        ? Future.succeededFuture(board)
        : createBoard(title)); // an id collision: 72 random bits make this all but impossible
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

  /** Adds a participant and returns {token, participant, board}. */
  public Future<JsonObject> join(String boardId, Credential kind, String secret, String name, String organisation) {
    return store.board(boardId).compose(board -> {
      if (board == null) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such board"));
      }
      if (!constantTimeEquals(kind.expected(board), secret)) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "the link is not valid (any more)"));
      }
      Role role = kind.role;
      String id = TokenService.randomId(9);
      String color = PARTICIPANT_COLORS.get(Math.floorMod(id.hashCode(), PARTICIPANT_COLORS.size()));
      long now = System.currentTimeMillis();
      Participant participant = new Participant(id, name, organisation, role, color, now);
      Mutation mutation = Decider.join(participant);
      return store.apply(boardId, id, "join", mutation, now).compose(outcome -> {
        if (!outcome.ok()) {
          return Future.failedFuture(new Rejection(outcome.error(), "cannot join"));
        }
        publisher.committed(boardId, mutation, outcome);
        Actor actor = new Actor(boardId, id, role);
        return Future.succeededFuture(new JsonObject()
            .put("token", tokens.issue(actor))
            .put("participant", JsonObject.mapFrom(participant))
            .put("board", BoardStore.publicBoard(board)));
      });
    });
  }

  /** Who a token belongs to: {participant, board}, or null when the token or participant is gone. */
  public Future<JsonObject> session(String token) {
    Actor actor = tokens.verify(token);
    if (actor == null) {
      return Future.succeededFuture(null);
    }
    return Future.all(store.participant(actor.boardId(), actor.participantId()), store.board(actor.boardId()))
        .map(both -> {
          JsonObject participant = both.resultAt(0);
          Board board = both.resultAt(1);
          if (participant == null || board == null) {
            return null;
          }
          return new JsonObject().put("participant", participant).put("board", BoardStore.publicBoard(board));
        });
  }

  /**
   * A short-lived ticket for opening a socket, for the holder of a join token whose participant
   * still exists; null otherwise.
   */
  public Future<JsonObject> ticket(String token) {
    Actor actor = tokens.verify(token);
    if (actor == null) {
      return Future.succeededFuture(null);
    }
    return Future.all(store.participant(actor.boardId(), actor.participantId()), store.settings(actor.boardId()))
        .map(both -> {
          JsonObject participant = both.resultAt(0);
          JsonObject settings = both.resultAt(1);
          if (participant == null) {
            return null;
          }
          long expiresAt = System.currentTimeMillis() + TokenService.TICKET_LIFETIME_MS;
          String ticket = tokens.issueTicket(actor, expiresAt, participant.getString("room"),
              "open".equals(settings.getString("breakout")));
          return new JsonObject()
              .put("boardId", actor.boardId())
              .put("ticket", ticket)
              .put("expiresAt", expiresAt);
        });
  }

  /**
   * A snapshot's content for a facilitator of the board: the stored document; null when the
   * token does not belong to this board (any more). Participants and observers get not_allowed:
   * a snapshot holds every room, and during breakouts they see only their own. An unknown
   * snapshot is not_found.
   */
  public Future<String> snapshot(String token, String boardId, String snapshotId) {
    Actor actor = tokens.verify(token);
    if (actor == null || !actor.boardId().equals(boardId)) {
      return Future.succeededFuture(null);
    }
    if (actor.role() != Role.FACILITATOR) {
      return Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "only facilitators open snapshots"));
    }
    if (!Limits.ID.matcher(snapshotId).matches()) {
      return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such snapshot"));
    }
    return store.participant(boardId, actor.participantId()).compose(participant -> participant == null
        ? Future.succeededFuture(null)
        : store.snapshot(boardId, snapshotId).compose(content -> content == null
            ? Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such snapshot"))
            : Future.succeededFuture(content)));
  }

  /**
   * The facilitator a join token names, while they are still on the board; fails with
   * not_allowed for anyone else (participants, removed people, tokens of other boards).
   */
  public Future<Actor> facilitator(String token, String boardId) {
    Actor actor = tokens.verify(token);
    if (actor == null || !actor.boardId().equals(boardId)) {
      return Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "the session is not valid"));
    }
    if (actor.role() != Role.FACILITATOR) {
      return Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "only facilitators may do this"));
    }
    return store.participant(boardId, actor.participantId()).compose(me -> me == null
        ? Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "the session is not valid"))
        : Future.succeededFuture(actor));
  }

  /** Applies a command; fails with a {@link Rejection} when it is refused. */
  public Future<Long> execute(Actor actor, Command command) {
    long now = System.currentTimeMillis();
    return apply(actor, command, Decider.decide(actor, command, now), now);
  }

  /** Applies a decided mutation and publishes its event; fails with a {@link Rejection} when refused. */
  public Future<Long> apply(Actor actor, Command command, Mutation mutation, long now) {
    return store.apply(actor.boardId(), actor.participantId(), command.commandId(), mutation, now)
        .compose(outcome -> {
          if (!outcome.ok()) {
            return Future.failedFuture(new Rejection(outcome.error(), describe(outcome, command)));
          }
          publisher.committed(actor.boardId(), mutation, outcome);
          return Future.succeededFuture(outcome.seq());
        });
  }

  /** The board stream and one room's stream, each as a delta or a full state. */
  public Future<JsonObject> sync(Actor actor, Command.Sync sync) {
    Future<StreamRead> board = store.readBoard(actor.boardId(), sync.boardSeq());
    Future<StreamRead> room = store.readRoom(actor.boardId(), sync.room(), sync.roomSeq());
    Future<List<String>> online = store.online(actor.boardId(), System.currentTimeMillis());
    return Future.all(board, room, online).map(done -> {
      JsonObject boardJson = board.result().toJson();
      if (!board.result().isDelta()) {
        boardJson.getJsonObject("state").put("online", new JsonArray(online.result()));
      }
      return new JsonObject()
          .put("board", boardJson)
          .put("room", visibleTo(actor, room.result().toJson()))
          .put("online", new JsonArray(online.result()))
          .put("serverTime", System.currentTimeMillis());
    });
  }

  /** {room id: delta or full state} of each watched room, as a sync gives a room. */
  public Future<JsonObject> watchRooms(Actor actor, Command.WatchRooms watch) {
    Map<String, Future<StreamRead>> reads = new LinkedHashMap<>();
    watch.rooms().forEach((room, seq) -> reads.put(room, store.readRoom(actor.boardId(), room, seq)));
    return Future.all(new ArrayList<>(reads.values())).map(done -> {
      JsonObject rooms = new JsonObject();
      reads.forEach((room, read) -> rooms.put(room, visibleTo(actor, read.result().toJson())));
      return rooms;
    });
  }

  /** A room's delta or full state without the texts of hidden notes the actor may not read. */
  private static JsonObject visibleTo(Actor actor, JsonObject room) {
    JsonArray events = room.getJsonArray("events");
    if (events != null) {
      JsonArray visible = new JsonArray();
      events.forEach(e -> visible.add(Privacy.forViewer((JsonObject) e, actor)));
      room.put("events", visible);
    } else {
      room.getJsonObject("state").getJsonArray("notes").forEach(n -> Privacy.redactNote((JsonObject) n, actor));
    }
    return room;
  }

  private static String describe(Outcome outcome, Command command) {
    return switch (outcome.error()) {
      case NOT_FOUND -> command.room() == null
          ? "nothing with that id on this board"
          : "nothing with that id in room '" + command.room() + "' of this board";
      case CONFLICT -> "an item with that id exists already, or it changed meanwhile";
      case LIMIT_REACHED -> "the room holds the most notes it can";
      case BOARD_LOCKED -> "the board is locked; only facilitators can change it now";
      case ROUND_CLOSED -> "the voting round is closed";
      default -> outcome.error().code();
    };
  }

  private static boolean constantTimeEquals(String expected, String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
