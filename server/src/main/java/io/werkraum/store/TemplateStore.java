package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Templates saved from boards, written once, read and deleted by id. The small description
 * (with the owner key's hash) and the document, which may be large, are two keys, so listing
 * and deleting never read the document.
 */
public final class TemplateStore {
  private final Redis redis;

  public TemplateStore(Redis redis) {
    this.redis = redis;
  }

  /** Stores a template once; false when the id holds one already. */
  public Future<Boolean> save(String templateId, String description, String document) {
    return redis.send(Request.cmd(Command.SET).arg(Keys.templateDocument(templateId)).arg(document).arg("NX"))
        .compose(ignored -> redis.send(Request.cmd(Command.SET).arg(Keys.template(templateId)).arg(description).arg("NX")))
        .map(r -> r != null && "OK".equals(r.toString()));
  }

  /** The stored description, or null. */
  public Future<String> description(String templateId) {
    return get(Keys.template(templateId));
  }

  /** The stored document, or null. */
  public Future<String> document(String templateId) {
    return get(Keys.templateDocument(templateId));
  }

  public Future<Void> delete(String templateId) {
    return redis.send(Request.cmd(Command.DEL).arg(Keys.template(templateId)).arg(Keys.templateDocument(templateId)))
        .mapEmpty();
  }

  private Future<String> get(String key) {
    return redis.send(Request.cmd(Command.GET).arg(key)).map(r -> r == null ? null : r.toString());
  }
}
