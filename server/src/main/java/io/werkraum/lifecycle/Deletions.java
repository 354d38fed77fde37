package io.werkraum.lifecycle;

import io.vertx.core.Future;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.publish.Publisher;
import io.werkraum.store.BoardRemoval;

/**
 * What follows a board's deletion, run once by whoever deleted it (a facilitator's command or the
 * expiry sweep): everyone on it is told (their sockets close), the deletion goes to the instance's
 * audit log (the board's own went with it), and the board leaves the expiry schedule.
 */
final class Deletions {
  private final BoardRemoval removal;
  private final Publisher publisher;
  private final AuditLog audit;

  Deletions(BoardRemoval removal, Publisher publisher, AuditLog audit) {
    this.removal = removal;
    this.publisher = publisher;
    this.audit = audit;
  }

  BoardRemoval removal() {
    return removal;
  }

  Future<Void> deleted(AuditEntry entry) {
    if (publisher != null) {
      publisher.boardDeleted(entry.board());
    }
    return Future.join(audit.record(entry), removal.unschedule(entry.board())).mapEmpty();
  }
}
