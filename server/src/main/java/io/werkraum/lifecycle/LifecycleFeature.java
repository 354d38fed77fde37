package io.werkraum.lifecycle;

import io.vertx.core.Future;
import io.werkraum.audit.AuditAction;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.audit.Audited;
import io.werkraum.board.Rejection;
import io.werkraum.command.Access;
import io.werkraum.command.Call;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Feature;
import io.werkraum.command.Result;
import io.werkraum.command.SettingsChange;
import io.werkraum.config.WerkraumConfig.Retention;
import io.werkraum.protocol.CommandType;
import io.werkraum.publish.Publisher;
import io.werkraum.store.BoardRemoval;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Committed;
import java.util.Map;
import java.util.Set;

/**
 * How long a board lives: its facilitators choose how many days it is kept after its last
 * activity (within the instance's cap), and delete it whenever they want. A deleted board is gone
 * whole: every key, snapshot, op log, audit entry, command outcome and ticket.
 */
public final class LifecycleFeature implements Feature {
  record Delete() {}

  /** @param days null: back to the instance's default */
  record Keep(Integer days) {}

  private final BoardStore store;
  private final Deletions deletions;
  private final Retention retention;

  public LifecycleFeature(BoardStore store, BoardRemoval removal, Publisher publisher, AuditLog audit,
      Retention retention) {
    this.store = store;
    this.deletions = new Deletions(removal, publisher, audit);
    this.retention = retention;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.BOARD_DELETE, Set.of(), body -> new Delete(), Access.FACILITATORS,
        this::delete));
    table.add(new CommandSpec<>(CommandType.BOARD_RETENTION, Set.of("days"), body -> {
      Long days = body.optionalInteger("days", 1, retention.maxBoardDays());
      return new Keep(days == null ? null : days.intValue());
    }, Access.FACILITATORS, this::keep).audited(k -> new Audited(AuditAction.RETENTION_CHANGED,
        Map.of("days", retention.effectiveDays(k.days())))));
  }

  /**
   * Deletes the board. A resend (or a second facilitator pressing at the same time) finds it gone
   * and answers the same: deleted; only the send that deleted it runs what follows.
   */
  private Future<Result> delete(Call<Delete> call) {
    return deletions.removal().delete(call.boardId(), call.actor().participantId()).map(removal -> switch (removal.outcome()) {
      case DELETED -> Result.of(new Committed(0, false, null, null, null)).put("deleted", true)
          .firstTime(() -> deletions.deleted(AuditEntry.by(call.actor(), call.now(), AuditAction.BOARD_DELETED, Map.of())));
      case ABSENT -> Result.of(new Committed(0, true, null, null, null)).put("deleted", true);
      case GONE, KEPT -> throw Rejection.notAllowed("you are no longer on this board");
    });
  }

  /** The days the board is kept; it is looked at again when that many days pass without activity. */
  private Future<Result> keep(Call<Keep> call) {
    Integer days = call.command().days();
    return SettingsChange.set(store, call, "retentionDays", days).map(result -> result.firstTime(() ->
        deletions.removal().scheduleBy(call.boardId(), retention.expiresAt(call.now(), days))));
  }
}
