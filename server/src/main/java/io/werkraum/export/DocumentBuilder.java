package io.werkraum.export;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Rejection;
import io.werkraum.protocol.Limits;
import io.werkraum.store.EventCodec;
import io.werkraum.store.StateReads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a live board from the store, at one moment, into a {@link BoardDocument}, applying the
 * privacy rules of every export once, here: hidden notes are left out, and voters appear only for
 * named rounds (the store keeps none for anonymous ones anyway).
 */
public final class DocumentBuilder {
  private final StateReads reads;

  public DocumentBuilder(StateReads reads) {
    this.reads = reads;
  }

  public Future<BoardDocument> build(String boardId, long now) {
    return reads.document(boardId).map(stored -> {
      if (stored == null) {
        throw Rejection.notFound("no such board");
      }
      List<BoardDocument.Room> rooms = new ArrayList<>();
      for (JsonObject room : stored.rooms()) {
        String id = room.getString("id");
        rooms.add(new BoardDocument.Room(id, room.getString("name", ""), room.getString("kind", "breakout"),
            room.getLong("createdAt", 0L),
            stored.sections().get(id).stream().map(s -> convert(s, BoardDocument.Section.class))
                .sorted(Comparator.comparingDouble(BoardDocument.Section::y).thenComparingDouble(BoardDocument.Section::x))
                .toList(),
            stored.notes().get(id).stream().filter(n -> !n.getBoolean("hidden", false))
                .map(n -> convert(n, BoardDocument.Note.class))
                .sorted(Comparator.comparingDouble(BoardDocument.Note::y).thenComparingDouble(BoardDocument.Note::x))
                .toList()));
      }
      // The plenary first, then breakout rooms by name.
      rooms.sort(Comparator.comparing((BoardDocument.Room r) -> !Limits.MAIN_ROOM.equals(r.id()))
          .thenComparing(BoardDocument.Room::name));
      JsonObject board = stored.board();
      return new BoardDocument(BoardDocument.SCHEMA_VERSION, board.getString("id"), board.getString("title"),
          board.getLong("createdAt"), now, null, settings(stored.settings()),
          stored.participants().stream().map(p -> convert(p, BoardDocument.Person.class))
              .sorted(Comparator.comparingLong(BoardDocument.Person::joinedAt)).toList(),
          rooms,
          stored.rounds().stream().map(DocumentBuilder::round)
              .sorted(Comparator.comparingLong(BoardDocument.Round::startedAt)).toList());
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
          .map(r -> new BoardDocument.Ranked(r.note(), r.text(), r.count(), r.byOrganisation(), r.otherOrganisations(),
              null)).toList();
      return new BoardDocument.Round(round.id(), round.title(), round.votesPerParticipant(), round.maxPerNote(), true,
          round.room(), round.sections(), round.status(), round.startedAt(), round.endsAt(), round.closedAt(),
          new BoardDocument.Results(round.results().voters(), round.results().votes(), ranking,
              round.results().grouping()));
    }
    return round;
  }

  private static <T> T convert(JsonObject json, Class<T> type) {
    return EventCodec.JSON.convertValue(json.getMap(), type);
  }
}
