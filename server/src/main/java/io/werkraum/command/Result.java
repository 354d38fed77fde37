package io.werkraum.command;

import io.vertx.core.json.JsonObject;
import io.werkraum.publish.Publisher;
import io.werkraum.store.Committed;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a handled command answers: the committed change (its event is published, again for a
 * resend), fields for the reply, and side effects that run only the first time it is applied
 * (an automatic snapshot, a notification), never for a resend.
 */
public final class Result {
  private static final Logger LOG = Logger.getLogger(Result.class.getName());

  private final Committed committed;
  private final JsonObject reply = new JsonObject();
  private final List<Runnable> firstTime = new ArrayList<>();

  private Result(Committed committed) {
    this.committed = committed;
  }

  /** A committed change; the reply carries its sequence number. */
  public static Result of(Committed committed) {
    return new Result(committed);
  }

  /** An answer that changed nothing (a read). */
  public static Result answer() {
    return new Result(null);
  }

  /** A field of the reply. */
  public Result put(String field, Object value) {
    reply.put(field, value);
    return this;
  }

  /** Fields of the reply. */
  public Result putAll(JsonObject fields) {
    reply.mergeIn(fields);
    return this;
  }

  /** A side effect of the first application, skipped for a resend. */
  public Result firstTime(Runnable effect) {
    firstTime.add(effect);
    return this;
  }

  /** The committed change, or null for a read. */
  public Committed committed() {
    return committed;
  }

  public boolean duplicate() {
    return committed != null && committed.duplicate();
  }

  public JsonObject reply() {
    return reply;
  }

  /**
   * Sends the committed event out (again for a resend: the node that committed it may have died
   * before) and, the first time only, runs the side effects.
   */
  public void conclude(Publisher publisher) {
    if (committed != null) {
      publisher.committed(committed);
    }
    if (!duplicate()) {
      for (Runnable effect : firstTime) {
        try {
          effect.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a side effect failed", e);
        }
      }
    }
  }
}
