package io.werkraum.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script from the classpath, run by its SHA1. Redis forgets scripts when it restarts, so a
 * NOSCRIPT answer falls back to sending the script body once.
 */
final class LuaScript {
  private final String body;
  private final String sha;

  private LuaScript(String body) {
    this.body = body;
    this.sha = sha1(body);
  }

  static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing Lua script " + name);
      }
      return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    return redis
        .send(request(Command.EVALSHA, sha, keys, args))
        .recover(err -> {
          String message = err.getMessage();
          if (message != null && message.startsWith("NOSCRIPT")) {
            return redis.send(request(Command.EVAL, body, keys, args));
          }
          return Future.failedFuture(err);
        });
  }

  private static Request request(Command command, String script, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }

  private static String sha1(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
