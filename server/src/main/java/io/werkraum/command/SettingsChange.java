package io.werkraum.command;

import io.vertx.core.Future;
import io.werkraum.board.BoardEvent.SettingsUpdated;
import io.werkraum.board.Patch;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Commit;
import io.werkraum.store.Committed;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.Collections;
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

  /**
   * KEYS: 1 a hash. ARGV: 1 an id in it ('' for none), 2 the patch. For settings that name an
   * item (the spotlit note, the shown round): refused with not_found when the item is not there.
   */
  private static final Script PATCH_NAMING = Script.commit("settings_patch_naming", """
      return werkraum.commit{run = function()
        local id = werkraum.arg(1)
        if id ~= '' and redis.call('HEXISTS', werkraum.key(1), id) == 0 then return werkraum.refuse('not_found') end
        werkraum.patchSettings(cjson.decode(werkraum.arg(2)))
      end}
      """);

  private SettingsChange() {}

  /** Sets one setting ({@code value} null removes it). */
  public static Future<Result> set(BoardStore store, Call<?> call, String field, Object value) {
    return commit(store, call, new Patch(Collections.singletonMap(field, value)), null).map(Result::of);
  }

  /**
   * Applies {@code patch}, which names {@code id} of {@code hash} (null: names nothing), only if
   * that item exists; the commit, for the caller to add the room it is about.
   */
  public static Commit naming(Call<?> call, String hash, String id, Map<String, Object> patch) {
    return call.commit(PATCH_NAMING)
        .event(Stream.board(call.boardId()), new SettingsUpdated(patch, call.actor().participantId()))
        .key(hash).optionalArg(id).arg(EventCodec.write(patch));
  }

  /**
   * Applies {@code patch}; with {@code expectedVersion}, only if the settings are still at that
   * version (otherwise the store answers stale: read again and decide again).
   */
  public static Future<Committed> commit(BoardStore store, Call<?> call, Patch patch, Long expectedVersion) {
    return store.commit(call.commit(PATCH)
        .event(Stream.board(call.boardId()), new SettingsUpdated(patch.fields(), call.actor().participantId()))
        .arg(EventCodec.write(patch.fields()))
        .optionalArg(expectedVersion));
  }
}
