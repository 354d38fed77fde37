package io.werkraum.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.ErrorCode;
import io.werkraum.board.Limits;
import io.werkraum.board.Mutation.Collection;
import io.werkraum.board.Rejection;
import io.werkraum.store.BoardStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a live board from the store into a {@link BoardDocument}, applying the privacy rules of
 * every export once, here: hidden notes are left out, and voters appear only for named rounds
 * (the store keeps none for anonymous ones anyway).
 */
public final class DocumentBuilder {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final BoardStore store;

  public DocumentBuilder(BoardStore store) {
    this.store = store;
  }

  public Future<BoardDocument> build(String boardId, long now) {
    return Future.all(store.board(boardId), store.participants(boardId), store.rooms(boardId), store.rounds(boardId),
            store.settings(boardId))
        .compose(all -> {
          var board = all.<io.werkraum.board.Board>resultAt(0);
          if (board == null) {
            return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such board"));
          }
          List<JsonObject> participants = all.resultAt(1);
          JsonObject rooms = all.resultAt(2);
          List<JsonObject> rounds = all.resultAt(3);
          BoardDocument.Settings settings = settings(all.resultAt(4));
          List<Future<BoardDocument.Room>> roomDocs = rooms.stream()
              .map(e -> room(boardId, (JsonObject) e.getValue()))
              .toList();
          return Future.all(roomDocs).map(done -> {
            List<BoardDocument.Room> sorted = new ArrayList<>();
            roomDocs.forEach(f -> sorted.add(f.result()));
            // The plenary first, then breakout rooms by name.
            sorted.sort(Comparator.comparing((BoardDocument.Room r) -> !Limits.MAIN_ROOM.equals(r.id()))
                .thenComparing(BoardDocument.Room::name));
            return new BoardDocument(BoardDocument.SCHEMA_VERSION, board.id(), board.title(), board.createdAt(), now,
                null, settings,
                participants.stream().map(p -> convert(p, BoardDocument.Person.class))
                    .sorted(Comparator.comparingLong(BoardDocument.Person::joinedAt)).toList(),
                sorted,
                rounds.stream().map(DocumentBuilder::round)
                    .sorted(Comparator.comparingLong(BoardDocument.Round::startedAt)).toList());
          });
        });
  }

  private Future<BoardDocument.Room> room(String boardId, JsonObject room) {
    String id = room.getString("id");
    return Future.all(store.roomItems(boardId, id, Collection.SECTIONS), store.roomItems(boardId, id, Collection.NOTES))
        .map(both -> {
          List<JsonObject> sections = both.resultAt(0);
          List<JsonObject> notes = both.resultAt(1);
          return new BoardDocument.Room(id, room.getString("name", ""), room.getString("kind", "breakout"),
              room.getLong("createdAt", 0L),
              sections.stream().map(s -> convert(s, BoardDocument.Section.class))
                  .sorted(Comparator.comparingDouble(BoardDocument.Section::y).thenComparingDouble(BoardDocument.Section::x))
                  .toList(),
              notes.stream().filter(n -> !n.getBoolean("hidden", false))
                  .map(n -> convert(n, BoardDocument.Note.class))
                  .sorted(Comparator.comparingDouble(BoardDocument.Note::y).thenComparingDouble(BoardDocument.Note::x))
                  .toList());
        });
  }

  private static BoardDocument.Settings settings(JsonObject stored) {
    JsonObject broadcast = stored.getJsonObject("broadcast");
    return new BoardDocument.Settings(stored.getBoolean("locked", false), stored.getBoolean("privateWriting", false),
        "open".equals(stored.getString("breakout")), broadcast == null ? null : broadcast.getString("text"));
  }

  private static BoardDocument.Round round(JsonObject stored) {
    BoardDocument.Round round = convert(stored, BoardDocument.Round.class);
    if (round.anonymous() && round.results() != null) {
      // Belt and braces: an anonymous round's results never name anyone.
      var ranking = round.results().ranking().stream()
          .map(r -> new BoardDocument.Ranked(r.note(), r.text(), r.count(), r.byOrganisation(), null)).toList();
      return new BoardDocument.Round(round.id(), round.title(), round.votesPerParticipant(), round.maxPerNote(), true,
          round.room(), round.sections(), round.status(), round.startedAt(), round.endsAt(), round.closedAt(),
          new BoardDocument.Results(round.results().voters(), round.results().votes(), ranking));
    }
    return round;
  }

  private static <T> T convert(JsonObject json, Class<T> type) {
    return JSON.convertValue(json.getMap(), type);
  }
}
