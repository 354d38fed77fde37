package io.werkraum.command;

import io.vertx.core.Future;
import io.werkraum.board.BoardEvent.SettingsUpdated;
import io.werkraum.board.Patch;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Committed;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.HashMap;
import java.util.Map;

/**
 * A change of the board's settings (lock, spotlight, broadcast, timer, the open rooms...): one
 * versioned JSON item, patched by one script for every feature, with {@code settings.updated} on
 * the board stream.
 */
public final class SettingsChange {
  /** ARGV: 1 the patch (null removes a value), 2 the version the settings must still have ('' for any). */
  private static final Script PATCH = Script.commit("settings_patch", """
      return werkraum.commit{run = function()
        local expected = werkraum.arg(2)
        if expected ~= '' and (werkraum.settings().v or 0) ~= tonumber(expected) then
          return werkraum.STALE
        end
        werkraum.patchSettings(cjson.decode(werkraum.arg(1)))
      end}
      """);

  private SettingsChange() {}

  /** Sets one setting ({@code value} null removes it). */
  public static Future<Result> set(BoardStore store, Call<?> call, String field, Object value) {
    Map<String, Object> patch = new HashMap<>();
    patch.put(field, value);
    return apply(store, call, new Patch(patch), null);
  }

  /**
   * Applies {@code patch}; with {@code expectedVersion}, only if the settings are still at that
   * version (otherwise the store answers stale: read again and decide again).
   */
  public static Future<Result> apply(BoardStore store, Call<?> call, Patch patch, Long expectedVersion) {
    return commit(store, call, patch, expectedVersion).map(Result::of);
  }

  /** As {@link #apply}, the committed change itself (for a change decided on a read). */
  public static Future<Committed> commit(BoardStore store, Call<?> call, Patch patch, Long expectedVersion) {
    return store.commit(call.commit(PATCH)
        .event(Stream.board(call.boardId()), new SettingsUpdated(patch.fields(), call.actor().participantId()))
        .arg(EventCodec.write(patch.fields()))
        .optionalArg(expectedVersion));
  }
}
