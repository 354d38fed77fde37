package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/** Templates saved from boards: one string key each, written once, read by id, deleted by id. */
public final class TemplateStore {
  private final Redis redis;

  public TemplateStore(Redis redis) {
    this.redis = redis;
  }

  /** Stores a template once; false when the id holds one already. */
  public Future<Boolean> save(String templateId, String content) {
    return redis.send(Request.cmd(Command.SET).arg(Keys.template(templateId)).arg(content).arg("NX"))
        .map(r -> r != null && "OK".equals(r.toString()));
  }

  /** The stored template, or null. */
  public Future<String> get(String templateId) {
    return redis.send(Request.cmd(Command.GET).arg(Keys.template(templateId)))
        .map(r -> r == null ? null : r.toString());
  }

  public Future<Void> delete(String templateId) {
    return redis.send(Request.cmd(Command.DEL).arg(Keys.template(templateId))).mapEmpty();
  }
}
