package io.werkraum.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What this JVM logs at SEVERE while it is open: a handler on the root logger, so it sees the
 * records of a node running in-process (TestNode), Vert.x's and Netty's included. (WARNING is
 * left out: on a busy machine Vert.x warns of a blocked event loop now and then.)
 */
public final class LogRecords extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogRecords() {
    setLevel(Level.SEVERE);
  }

  public static LogRecords severe() {
    LogRecords capture = new LogRecords();
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  /** Each record as "LEVEL logger: message exception", for an assertion message. */
  public List<String> problems() {
    return records.stream()
        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
            + (r.getThrown() == null ? "" : " " + r.getThrown()))
        .toList();
  }

  @Override
  public void publish(LogRecord record) {
    if (isLoggable(record)) {
      records.add(record);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
