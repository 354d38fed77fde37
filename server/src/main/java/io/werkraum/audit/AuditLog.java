package io.werkraum.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.store.AuditStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where audit entries go: the board's audit stream in Redis (the control view lists it), or the
 * instance's for what belongs to no board (any more), each kept for the configured days; and one
 * JSON line per entry on standard output ({@code {"audit":{...}}}), for an operator to ship
 * elsewhere. Facilitators' commands write their entry inside their commit (see the command
 * pipeline) and only log their line here.
 */
public final class AuditLog {
  private static final Logger LINES = lineLogger();

  private final AuditStore store;
  private final long keptMillis;

  /** @param days how long entries are kept */
  public AuditLog(AuditStore store, int days) {
    this.store = store;
    this.keptMillis = days * 24L * 3600 * 1000;
  }

  /** Stores the entry and logs its line. */
  public Future<Void> record(AuditEntry entry) {
    line(entry);
    String json = entry.toJson().encode();
    long oldestKept = entry.at() - keptMillis;
    Future<Boolean> onBoard = entry.board() == null ? Future.succeededFuture(false)
        : store.appendToBoard(entry.board(), json, oldestKept);
    return onBoard.compose(stored -> stored ? Future.succeededFuture() : store.appendToInstance(json, oldestKept));
  }

  /** The board's entries, newest first, at most {@code max}. */
  public Future<List<AuditEntry>> ofBoard(String board, int max) {
    return store.ofBoard(board, max)
        .map(entries -> entries.stream().map(AuditEntry::fromJson).filter(Objects::nonNull).toList());
  }

  /** The entry's line in the server's output, and nothing else. */
  public static void line(AuditEntry entry) {
    LINES.info(() -> new JsonObject().put("audit", entry.toJson()).encode());
  }

  /** A logger writing bare lines to standard output, apart from the server's other logging. */
  private static Logger lineLogger() {
    Logger logger = Logger.getLogger("werkraum.audit");
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.INFO);
    PrintStream out = System.out;
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (isLoggable(record)) {
          out.println(getFormatter().format(record));
        }
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {
        flush();
      }
    };
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord record) {
        return record.getMessage();
      }
    });
    logger.addHandler(handler);
    return logger;
  }
}
