package io.werkraum.command;

import io.werkraum.audit.AuditEntry;
import io.vertx.core.Future;
import io.werkraum.board.Actor;
import io.werkraum.store.BoardStore;
import io.werkraum.store.Commit;
import io.werkraum.store.Committed;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.function.Supplier;

/**
 * One command as its handler gets it: parsed, permitted, with who sent it and the server time.
 *
 * @param commandId the client's id for it: a resend of the same id changes nothing again
 * @param audit the audit entry its change writes when applied, or null for a command not audited
 */
public record Call<C>(Actor actor, String commandId, C command, long now, AuditEntry audit) {
  /** A call that writes no audit entry. */
  public Call(Actor actor, String commandId, C command, long now) {
    this(actor, commandId, command, now, null);
  }

  public String boardId() {
    return actor.boardId();
  }

  /** The change this command makes, by its sender, once per command id. */
  public Commit commit(Script script) {
    Commit commit = Commit.by(actor, commandId, now, script);
    return audit == null ? commit : commit.audit(audit.toJson().encode());
  }

  /**
   * A change this command decides on what it reads first ({@code attempt}: read, decide, commit):
   * a resend answers the first outcome instead of deciding again; see {@link BoardStore#decided}.
   */
  public Future<Committed> decided(BoardStore store, Stream stream, Supplier<Future<Committed>> attempt) {
    return store.decided(actor, commandId, now, stream, attempt);
  }
}
