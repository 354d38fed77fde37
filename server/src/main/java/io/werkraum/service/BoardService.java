package io.werkraum.service;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Command;
import io.werkraum.board.Decider;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Mutation;
import io.werkraum.board.Participant;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.realtime.Addresses;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Outcome;
import io.werkraum.store.StreamRead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

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
  private final EventBus eventBus;

  public BoardService(BoardStore store, TokenService tokens, EventBus eventBus) {
    this.store = store;
    this.tokens = tokens;
    this.eventBus = eventBus;
  }

  public Future<Board> createBoard(String title) {
    Board board = new Board(
        TokenService.randomId(9),
        title,
        System.currentTimeMillis(),
        TokenService.randomId(24),
        TokenService.randomId(12));
    return store.createBoard(board).compose(created -> created
        ? Future.succeededFuture(board)
        : createBoard(title)); // an id collision: 72 random bits make this all but impossible
  }

  /** How someone joins: the secret of the facilitator link or the code of the participant link. */
  public enum Credential { FACILITATOR_SECRET, JOIN_CODE }

  /** Adds a participant and returns {token, participant, board}. */
  public Future<JsonObject> join(String boardId, Credential kind, String secret, String name, String organisation) {
    return store.board(boardId).compose(board -> {
      if (board == null) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such board"));
      }
      String expected = kind == Credential.FACILITATOR_SECRET ? board.facilitatorSecret() : board.joinCode();
      if (!constantTimeEquals(expected, secret)) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "the link is not valid (any more)"));
      }
      Role role = kind == Credential.FACILITATOR_SECRET ? Role.FACILITATOR : Role.PARTICIPANT;
      String id = TokenService.randomId(9);
      String color = PARTICIPANT_COLORS.get(Math.floorMod(id.hashCode(), PARTICIPANT_COLORS.size()));
      long now = System.currentTimeMillis();
      Participant participant = new Participant(id, name, organisation, role, color, now);
      Mutation mutation = Decider.join(participant);
      return store.apply(boardId, id, "join", mutation, now).compose(outcome -> {
        if (!outcome.ok()) {
          return Future.failedFuture(new Rejection(outcome.error(), "cannot join"));
        }
        eventBus.publish(Addresses.board(boardId), new JsonObject(outcome.event()));
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
    return store.participant(actor.boardId(), actor.participantId()).map(participant -> {
      if (participant == null) {
        return null;
      }
      long expiresAt = System.currentTimeMillis() + TokenService.TICKET_LIFETIME_MS;
      return new JsonObject()
          .put("boardId", actor.boardId())
          .put("ticket", tokens.issueTicket(actor, expiresAt))
          .put("expiresAt", expiresAt);
    });
  }

  /** Applies a command; fails with a {@link Rejection} when it is refused. */
  public Future<Long> execute(Actor actor, Command command) {
    long now = System.currentTimeMillis();
    Mutation mutation = Decider.decide(actor, command, now);
    return store.apply(actor.boardId(), actor.participantId(), command.commandId(), mutation, now)
        .compose(outcome -> {
          if (!outcome.ok()) {
            return Future.failedFuture(new Rejection(outcome.error(), describe(outcome, command)));
          }
          if (outcome.event() != null) {
            eventBus.publish(streamAddress(actor.boardId(), mutation), new JsonObject(outcome.event()));
          }
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
          .put("room", room.result().toJson())
          .put("online", new JsonArray(online.result()));
    });
  }

  private static String streamAddress(String boardId, Mutation mutation) {
    return mutation.room() == null ? Addresses.board(boardId) : Addresses.room(boardId, mutation.room());
  }

  private static String describe(Outcome outcome, Command command) {
    return switch (outcome.error()) {
      case NOT_FOUND -> "nothing with that id in room '" + command.room() + "' of this board";
      case CONFLICT -> "an item with that id exists already";
      case LIMIT_REACHED -> "the room holds the most notes it can";
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
