package io.werkraum.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.werkraum.audit.AuditAction;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.config.WerkraumConfig.Retention;
import io.werkraum.publish.Publisher;
import io.werkraum.store.BoardRemoval;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes boards past their retention, on every node, without anyone asking: each node looks at
 * the boards the schedule says are due; the store's script decides whether one is past its
 * expiry and deletes it in the same step, so when several nodes look at once exactly one deletes
 * it (and runs what follows). A board still in use is scheduled again for when it would expire.
 */
public final class ExpirySweep {
  private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
  /** Boards looked at per round; the next round takes the rest. */
  private static final int BATCH = 100;

  private final Vertx vertx;
  private final Deletions deletions;
  private final Retention retention;
  private long timer = -1;
  private boolean sweeping;

  public ExpirySweep(Vertx vertx, BoardRemoval removal, Publisher publisher, AuditLog audit, Retention retention) {
    this.vertx = vertx;
    this.deletions = new Deletions(removal, publisher, audit);
    this.retention = retention;
  }

  public void start() {
    timer = vertx.setPeriodic(1, retention.sweepSeconds() * 1000L, id -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One round: every due board looked at, one after another. */
  Future<Void> sweep() {
    if (sweeping) {
      return Future.succeededFuture();
    }
    sweeping = true;
    long now = System.currentTimeMillis();
    return deletions.removal().due(now, BATCH)
        .compose(boards -> each(boards, 0, now))
        .onFailure(err -> LOG.log(Level.WARNING, "expiry sweep failed; trying again next round", err))
        .onComplete(done -> sweeping = false);
  }

  private Future<Void> each(List<String> boards, int i, long now) {
    if (i == boards.size()) {
      return Future.succeededFuture();
    }
    return expire(boards.get(i), now).compose(v -> each(boards, i + 1, now));
  }

  private Future<Void> expire(String board, long now) {
    BoardRemoval removal = deletions.removal();
    return removal.expire(board, now, retention.boardDays(), retention.maxBoardDays()).compose(r -> switch (r.outcome()) {
      case DELETED -> deletions.deleted(AuditEntry.bySystem(board, now, AuditAction.BOARD_EXPIRED, Map.of()));
      case KEPT -> removal.scheduleAt(board, r.expiresAt());
      case ABSENT, GONE -> removal.unschedule(board);
    });
  }
}
