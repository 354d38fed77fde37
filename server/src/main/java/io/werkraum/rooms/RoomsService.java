package io.werkraum.rooms;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Command.AssignMode;
import io.werkraum.board.Command.AssignRooms;
import io.werkraum.board.Command.ChooseRoom;
import io.werkraum.board.Command.CreateRooms;
import io.werkraum.board.Command.HarvestRoom;
import io.werkraum.board.Command.MoveParticipant;
import io.werkraum.board.Decider;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Limits;
import io.werkraum.board.Mutation.Collection;
import io.werkraum.board.Permissions;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.board.RoomInfo;
import io.werkraum.service.BoardService;
import io.werkraum.store.BoardStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Breakout rooms: create, assign, open and close, and harvest their results into the plenary. */
public final class RoomsService {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final BoardStore store;
  private final BoardService boards;

  public RoomsService(BoardStore store, BoardService boards) {
    this.store = store;
    this.boards = boards;
  }

  /** New rooms; with a template section, each starts with a copy of it and the notes inside it. */
  public Future<JsonObject> create(Actor actor, CreateRooms command) {
    Permissions.check(actor, command);
    Future<List<Object>[]> template = command.templateSection() == null
        ? Future.succeededFuture(emptyCopy())
        : templateCopy(actor.boardId(), command.templateSection());
    return template.compose(copy -> {
      long now = System.currentTimeMillis();
      return boards.apply(actor, command, Decider.createRooms(actor, command, copy[0], copy[1], now), now);
    }).map(RoomsService::ok);
  }

  @SuppressWarnings("unchecked")
  private static List<Object>[] emptyCopy() {
    return new List[] {List.of(), List.of()};
  }

  /** The template section and the plenary notes whose centre lies inside it. */
  @SuppressWarnings("unchecked")
  private Future<List<Object>[]> templateCopy(String board, String sectionId) {
    return Future.all(store.roomItems(board, Limits.MAIN_ROOM, Collection.NOTES),
        store.roomItems(board, Limits.MAIN_ROOM, Collection.SECTIONS)).map(both -> {
          List<JsonObject> notes = both.resultAt(0);
          List<JsonObject> sections = both.resultAt(1);
          JsonObject section = sections.stream().filter(s -> s.getString("id").equals(sectionId)).findFirst()
              .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "no section '" + sectionId + "' in the plenary"));
          List<Object> inside = new ArrayList<>();
          notes.stream().filter(n -> contains(section, n)).forEach(n -> inside.add(n.getMap()));
          return new List[] {inside, List.of(section.getMap())};
        });
  }

  static boolean contains(JsonObject section, JsonObject note) {
    double cx = note.getDouble("x") + note.getDouble("w") / 2;
    double cy = note.getDouble("y") + note.getDouble("h") / 2;
    double x = section.getDouble("x");
    double y = section.getDouble("y");
    return cx >= x && cx <= x + section.getDouble("w") && cy >= y && cy <= y + section.getDouble("h");
  }

  public Future<JsonObject> assign(Actor actor, AssignRooms command) {
    Permissions.check(actor, command);
    String board = actor.boardId();
    return Future.all(store.participants(board), store.rooms(board)).compose(both -> {
      List<JsonObject> participants = both.resultAt(0);
      JsonObject rooms = both.resultAt(1);
      List<String> breakoutRooms = rooms.stream()
          .filter(e -> RoomInfo.BREAKOUT.equals(((JsonObject) e.getValue()).getString("kind")))
          .map(Map.Entry::getKey).sorted().toList();
      List<Assignment.Person> people = participants.stream()
          .filter(p -> Role.PARTICIPANT.wire().equals(p.getString("role")))
          .map(p -> new Assignment.Person(p.getString("id"), p.getString("organisation", "")))
          .toList();
      Map<String, String> assignments;
      if (command.mode() == AssignMode.MANUAL) {
        for (String room : command.assignments().values()) {
          if (room != null && !breakoutRooms.contains(room)) {
            return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no breakout room '" + room + "'"));
          }
        }
        assignments = command.assignments();
      } else if (command.mode() == AssignMode.CHOICE) {
        assignments = Map.of();
      } else if (breakoutRooms.isEmpty()) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "create breakout rooms first"));
      } else {
        assignments = command.mode() == AssignMode.RANDOM
            ? Assignment.random(people, breakoutRooms, RANDOM)
            : Assignment.balanced(people, breakoutRooms, RANDOM);
      }
      return boards.apply(actor, command, Decider.assignRooms(actor, command, assignments), System.currentTimeMillis());
    }).map(RoomsService::ok);
  }

  public Future<JsonObject> move(Actor actor, MoveParticipant command) {
    Permissions.check(actor, command);
    return breakoutRoom(actor.boardId(), command.target())
        .compose(room -> boards.execute(actor, command)).map(RoomsService::ok);
  }

  /** Only while the facilitator lets people pick their room. */
  public Future<JsonObject> choose(Actor actor, ChooseRoom command) {
    Permissions.check(actor, command);
    return store.settings(actor.boardId()).compose(settings -> {
      if (!"choice".equals(settings.getString("assignMode"))) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "the facilitator assigns the rooms"));
      }
      return breakoutRoom(actor.boardId(), command.target()).compose(room -> boards.execute(actor, command));
    }).map(RoomsService::ok);
  }

  public Future<JsonObject> harvest(Actor actor, HarvestRoom command) {
    Permissions.check(actor, command);
    return breakoutRoom(actor.boardId(), command.room()).compose(room -> {
      String sectionId = "harvest-" + TokenService.randomId(6);
      return boards.apply(actor, command, Decider.harvest(actor, command, room.getString("name"), sectionId),
          System.currentTimeMillis());
    }).map(RoomsService::ok);
  }

  /** The breakout room with that id (null passes as "no room"), or not_found. */
  private Future<JsonObject> breakoutRoom(String board, String roomId) {
    if (roomId == null) {
      return Future.succeededFuture(new JsonObject());
    }
    return store.rooms(board).map(rooms -> {
      JsonObject room = rooms.getJsonObject(roomId);
      if (room == null || !RoomInfo.BREAKOUT.equals(room.getString("kind"))) {
        throw new Rejection(ErrorCode.NOT_FOUND, "no breakout room '" + roomId + "'");
      }
      return room;
    });
  }

  private static JsonObject ok(long seq) {
    return new JsonObject().put("ok", true).put("seq", seq);
  }
}
