package io.werkraum.command;

import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.audit.Audited;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.publish.Publisher;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The path of every command, from its body to its reply: read it by the table (type, fields,
 * parser), check who may send it (the table says), handle it (one commit in the store), publish
 * the committed event (again for a resend), run first-time side effects, answer. Never fails: a
 * refusal is a reply {@code {ok:false, code, message}}.
 */
public final class CommandPipeline {
  private static final Logger LOG = Logger.getLogger(CommandPipeline.class.getName());

  private final CommandTable table;
  private final Publisher publisher;

  /**
   * @param publisher where committed events and messages go; null for a pipeline that only
   *     changes the store (tests that change a board behind its browsers' backs): nothing is
   *     published and no side effect runs
   */
  public CommandPipeline(CommandTable table, Publisher publisher) {
    this.table = table;
    this.publisher = publisher;
  }

  /** The reply to a command body sent by {@code actor}. */
  public Future<JsonObject> run(Actor actor, Object body) {
    try {
      return handle(actor, table.read(body)).recover(err -> Future.succeededFuture(error(err)));
    } catch (RuntimeException e) {
      return Future.succeededFuture(error(e));
    }
  }

  private <C> Future<JsonObject> handle(Actor actor, CommandTable.Parsed<C> parsed) {
    if (!parsed.spec().access().permits(actor.role())) {
      throw Rejection.notAllowed(actor.role() == Role.OBSERVER
          ? "observers cannot change the board" : "only facilitators may do this");
    }
    long now = System.currentTimeMillis();
    CommandSpec.Auditor<C> auditor = parsed.spec().auditor();
    Audited audited = auditor == null ? null : auditor.audit(parsed.command());
    AuditEntry entry = audited == null ? null : AuditEntry.by(actor, now, audited.action(), audited.details());
    Call<C> call = new Call<>(actor, parsed.commandId(), parsed.command(), now, entry);
    return parsed.spec().handler().handle(call).map(result -> {
      if (publisher != null) {
        result.conclude(publisher);
      }
      if (entry != null && result.committed() != null && !result.duplicate()) {
        // Stored with the commit; its log line once, by the node that applied it.
        AuditLog.line(entry);
      }
      JsonObject reply = new JsonObject().put("ok", true);
      if (result.committed() != null && result.committed().seq() > 0) {
        reply.put("seq", result.committed().seq());
      }
      return reply.mergeIn(result.reply());
    });
  }

  /** The reply for a refusal, or {@code unavailable} for anything else (logged). */
  public static JsonObject error(Throwable err) {
    if (err instanceof Rejection r) {
      return error(r.code(), r.getMessage()).mergeIn(new JsonObject(r.details()));
    }
    LOG.log(Level.WARNING, "command failed", err);
    return error(ErrorCode.UNAVAILABLE, "the store is not reachable; nothing was applied, please retry");
  }

  public static JsonObject error(ErrorCode code, String message) {
    return new JsonObject().put("ok", false).put("code", code.code()).put("message", message);
  }
}
