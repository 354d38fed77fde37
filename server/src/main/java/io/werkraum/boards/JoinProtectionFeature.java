package io.werkraum.boards;

import io.vertx.core.Future;
import io.werkraum.audit.AuditAction;
import io.werkraum.audit.Audited;
import io.werkraum.auth.Passphrases;
import io.werkraum.board.BoardEvent.ParticipantUpdated;
import io.werkraum.board.BoardEvent.SettingsUpdated;
import io.werkraum.board.Rejection;
import io.werkraum.command.Access;
import io.werkraum.command.Call;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Feature;
import io.werkraum.command.Result;
import io.werkraum.command.SettingsChange;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.Limits;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Keys;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may join besides holding the link: facilitators set a passphrase that participants and
 * observers must give when they join (checked inside the join's write), or remove it; only its
 * salted hash is stored, in the board's meta, and the settings say that one is asked for. Or they
 * turn on a waiting room: newcomers (but facilitators) wait until a facilitator lets each in;
 * until then they get no socket, so nothing of the board reaches them.
 */
public final class JoinProtectionFeature implements Feature {
  static final int PASSPHRASE_MIN = 4;

  /** KEYS: 1 the meta. ARGV: 1 the salt and 2 the hash ('' and '' to remove the passphrase). */
  private static final Script PROTECT = Script.commit("board_protect", """
      return werkraum.commit{run = function()
        if werkraum.arg(1) == '' then
          redis.call('HDEL', werkraum.key(1), 'passphraseSalt', 'passphraseHash')
          werkraum.patchSettings({passphrase = cjson.null})
        else
          redis.call('HSET', werkraum.key(1), 'passphraseSalt', werkraum.arg(1), 'passphraseHash', werkraum.arg(2))
          werkraum.patchSettings({passphrase = true})
        end
      end}
      """);

  /** ARGV: 1 who is let in. */
  private static final Script ADMIT = Script.commit("participant_admit", """
      return werkraum.commit{run = function()
        local person = werkraum.participant(werkraum.arg(1))
        if not person then
          return werkraum.refuse('not_found')
        end
        if person.waiting ~= true then
          return werkraum.refuse('conflict')
        end
        person.waiting = nil
        redis.call('HSET', werkraum.PARTICIPANTS, werkraum.arg(1), cjson.encode(person))
      end}
      """);

  /** @param passphrase null: anyone with the link may join */
  record Protect(String passphrase) {}

  record Admission(boolean waiting) {}

  record Admit(String id) {}

  private final BoardStore store;

  public JoinProtectionFeature(BoardStore store) {
    this.store = store;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.BOARD_PROTECT, Set.of("passphrase"), body -> {
      String passphrase = body.optionalString("passphrase", Limits.NAME_MAX);
      if (passphrase != null && passphrase.strip().length() < PASSPHRASE_MIN) {
        throw Rejection.invalid("a passphrase needs at least " + PASSPHRASE_MIN + " characters");
      }
      return new Protect(passphrase == null ? null : passphrase.strip());
    }, Access.FACILITATORS, this::protect).audited(p -> new Audited(AuditAction.JOIN_PROTECTION_CHANGED,
        Map.of("passphrase", p.passphrase() != null))));
    table.add(new CommandSpec<>(CommandType.BOARD_ADMISSION, Set.of("waiting"), body -> new Admission(body.bool("waiting")),
        Access.FACILITATORS, call -> SettingsChange.set(store, call, Boards.WAITING_ROOM, call.command().waiting() ? Boolean.TRUE : null))
        .audited(a -> new Audited(AuditAction.JOIN_PROTECTION_CHANGED, Map.of("waiting", a.waiting()))));
    table.add(new CommandSpec<>(CommandType.PARTICIPANT_ADMIT, Set.of("id"), body -> new Admit(body.id("id")),
        Access.FACILITATORS, this::admit)
        .audited(a -> new Audited(AuditAction.PARTICIPANT_ADMITTED, Map.of("participant", a.id()))));
  }

  /** Lets someone in from the waiting room: they are on the board from now on. */
  private Future<Result> admit(Call<Admit> call) {
    Map<String, Object> patch = new HashMap<>();
    patch.put("waiting", null);
    return store.commit(call.commit(ADMIT)
            .event(Stream.board(call.boardId()), new ParticipantUpdated(call.command().id(), patch))
            .arg(call.command().id()))
        .map(Result::of);
  }

  private Future<Result> protect(Call<Protect> call) {
    String passphrase = call.command().passphrase();
    Passphrases.Hashed hashed = passphrase == null ? new Passphrases.Hashed("", "") : Passphrases.hash(passphrase);
    Map<String, Object> patch = new HashMap<>();
    patch.put("passphrase", passphrase == null ? null : Boolean.TRUE);
    return store.commit(call.commit(PROTECT)
            .event(Stream.board(call.boardId()), new SettingsUpdated(patch, call.actor().participantId()))
            .key(Keys.meta(call.boardId())).arg(hashed.salt()).arg(hashed.hash()))
        .map(Result::of);
  }
}
