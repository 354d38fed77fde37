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
 * A Lua script run by its SHA1. Every script starts with the library ({@code werkraum.lua}); a
 * commit script also with the commit prelude ({@code commit.lua}) and ends with the operation's
 * own body. Redis forgets scripts when it restarts, so a NOSCRIPT answer sends the body once.
 */
public final class Script {
  private static final String LIBRARY = resource("werkraum.lua");
  private static final String COMMIT = resource("commit.lua");

  private final String name;
  private final String body;
  private final String sha;

  private Script(String name, String body) {
    this.name = name;
    this.body = body;
    this.sha = sha1(body);
  }

  /** An operation's commit script: the library, the commit prelude, then {@code operation}. */
  public static Script commit(String name, String operation) {
    return new Script(name, LIBRARY + "\n" + COMMIT + "\n-- " + name + "\n" + operation);
  }

  /** A script of the store's own (not a commit), written inline: the library, then {@code body}. */
  static Script of(String name, String body) {
    return new Script(name, LIBRARY + "\n-- " + name + "\n" + body);
  }

  /** A script from {@code lua/<file>} on the classpath, after the library. */
  static Script load(String file) {
    return new Script(file, LIBRARY + "\n" + resource(file));
  }

  String name() {
    return name;
  }

  Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    return redis
        .send(request(Command.EVALSHA, sha, keys, args))
        .recover(err -> {
          String message = err.getMessage();
          if (message != null && message.startsWith("NOSCRIPT")) {
            return redis.send(request(Command.EVAL, body, keys, args));
          }
          return Future.failedFuture(new IllegalStateException("script " + name + " failed: " + message, err));
        });
  }

  private static Request request(Command command, String script, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }

  private static String resource(String file) {
    try (InputStream in = Script.class.getResourceAsStream("/lua/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing Lua script " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
