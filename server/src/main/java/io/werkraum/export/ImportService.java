package io.werkraum.export;

import io.vertx.core.Future;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Board;
import io.werkraum.board.Decider;
import io.werkraum.board.Limits;
import io.werkraum.board.Mutation.Collection;
import io.werkraum.board.RoomInfo;
import io.werkraum.store.BoardStore;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates a new board from an exported document, in one atomic step: the same rooms, sections,
 * notes, participants (as the record of who wrote what) and rounds with their results, under a
 * new id and new links. A document that does not pass the checks creates nothing.
 */
public final class ImportService {
  private final BoardStore store;

  public ImportService(BoardStore store) {
    this.store = store;
  }

  /** @return the new board: {boardId, title, facilitatorSecret, joinCode} */
  public Future<Board> importBoard(byte[] json) {
    BoardDocument doc;
    try {
      doc = JsonExport.read(json);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return create(doc);
  }

  /** A new board holding the (already checked) document. */
  public Future<Board> create(BoardDocument doc) {
    Board board = new Board(TokenService.randomId(9), doc.title(), System.currentTimeMillis(),
        TokenService.randomId(24), TokenService.randomId(12), TokenService.randomId(12));
    return store.importBoard(board.id(), items(board, doc))
        .compose(created -> created ? Future.succeededFuture(board) : create(doc));
  }

  private static Map<String, Map<String, String>> items(Board board, BoardDocument doc) {
    String prefix = Keys.boardPrefix(board.id());
    Map<String, Map<String, String>> items = new LinkedHashMap<>();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("id", board.id());
    meta.put("title", board.title());
    meta.put("createdAt", Long.toString(board.createdAt()));
    meta.put("facilitatorSecret", board.facilitatorSecret());
    meta.put("joinCode", board.joinCode());
    meta.put("observerCode", board.observerCode());
    items.put(suffix(prefix, Keys.meta(board.id())), meta);

    Map<String, String> rooms = new LinkedHashMap<>();
    rooms.put(Limits.MAIN_ROOM, EventCodec.write(new RoomInfo(Limits.MAIN_ROOM, "", RoomInfo.PLENARY, board.createdAt())));
    for (BoardDocument.Room room : doc.rooms()) {
      rooms.put(room.id(), EventCodec.write(new RoomInfo(room.id(), room.name(), room.kind(), room.createdAt())));
      items.put(suffix(prefix, Keys.roomCollection(board.id(), room.id(), Collection.NOTES)),
          byId(room.notes(), BoardDocument.Note::id));
      items.put(suffix(prefix, Keys.roomCollection(board.id(), room.id(), Collection.SECTIONS)),
          byId(room.sections(), BoardDocument.Section::id));
    }
    items.put(suffix(prefix, Keys.rooms(board.id())), rooms);
    items.put(suffix(prefix, Keys.participants(board.id())), byId(doc.participants(), BoardDocument.Person::id));
    items.put(suffix(prefix, Keys.boardCollection(board.id(), Collection.ROUNDS)),
        byId(doc.rounds(), BoardDocument.Round::id));
    if (doc.settings() != null) {
      items.put(suffix(prefix, Keys.boardCollection(board.id(), Collection.SETTINGS)),
          Map.of(Decider.SETTINGS_ITEM, EventCodec.write(settings(doc.settings(), board.createdAt()))));
    }
    items.values().removeIf(Map::isEmpty);
    return items;
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

  private static <T> Map<String, String> byId(java.util.List<T> list, java.util.function.Function<T, String> id) {
    Map<String, String> values = new LinkedHashMap<>();
    list.forEach(item -> values.put(id.apply(item), EventCodec.write(item)));
    return values;
  }

  private static String suffix(String prefix, String key) {
    return key.substring(prefix.length());
  }
}
