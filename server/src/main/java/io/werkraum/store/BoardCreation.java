package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates boards in one atomic step: a new empty one, an imported document, a copy of a snapshot
 * or a template. What to write is given as {@link Layout}, key by key.
 */
public final class BoardCreation {
  private static final Script CREATE = Script.load("create_board.lua");

  private final Redis redis;

  public BoardCreation(Redis redis) {
    this.redis = redis;
  }

  /** Writes {@code layout}; false when a board with its id exists already. */
  public Future<Boolean> create(Layout layout) {
    List<String> keys = new ArrayList<>();
    List<String> args = new ArrayList<>();
    layout.hashes.forEach((key, fields) -> {
      keys.add(key);
      args.add(Integer.toString(fields.size()));
      fields.forEach((field, value) -> {
        args.add(field);
        args.add(value);
      });
    });
    return CREATE.run(redis, keys, args).map(r -> r.toInteger() == 1);
  }

  /** The hashes of a new board, its meta first; only keys of that board (see {@link Keys}). */
  public static final class Layout {
    private final String boardId;
    private final Map<String, Map<String, String>> hashes = new LinkedHashMap<>();

    public Layout(String boardId, Map<String, String> meta) {
      this.boardId = boardId;
      hashes.put(Keys.meta(boardId), meta);
    }

    public Layout rooms(Map<String, String> rooms) {
      return put(Keys.rooms(boardId), rooms);
    }

    public Layout participants(Map<String, String> participants) {
      return put(Keys.participants(boardId), participants);
    }

    public Layout rounds(Map<String, String> rounds) {
      return put(Keys.rounds(boardId), rounds);
    }

    public Layout owners(Map<String, String> owners) {
      return put(Keys.owners(boardId), owners);
    }

    public Layout settings(String settings) {
      return put(Keys.settings(boardId), Map.of("board", settings));
    }

    public Layout notes(String room, Map<String, String> notes) {
      return put(Keys.notes(boardId, room), notes);
    }

    public Layout sections(String room, Map<String, String> sections) {
      return put(Keys.sections(boardId, room), sections);
    }

    private Layout put(String key, Map<String, String> fields) {
      if (!fields.isEmpty()) {
        hashes.put(key, fields);
      }
      return this;
    }
  }
}
