package io.werkraum.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A tiny blocking RESP2 client for setting up and inspecting test Redis processes (cluster
 * meetings, slot assignment, Sentinel questions), one short connection per call. Replies are
 * {@code String} (simple and bulk strings), {@code Long}, {@code List<Object>} or null; an error
 * reply throws {@link ErrorReply}.
 */
public final class Resp {
  private Resp() {}

  /** An error reply, e.g. {@code NOGOODSLAVE ...}. */
  public static final class ErrorReply extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ErrorReply(String message) {
      super(message);
    }
  }

  public static Object call(int port, Object... args) {
    List<String> list = new ArrayList<>();
    for (Object arg : args) {
      list.add(String.valueOf(arg));
    }
    return call(port, list);
  }

  public static Object call(int port, List<String> args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        request.write(bytes);
        request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write(request.toByteArray());
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("Redis on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** A call that may fail (the process is down, or answers with an error): null then. */
  public static Object tryCall(int port, Object... args) {
    try {
      return call(port, args);
    } catch (RuntimeException e) {
      return null;
    }
  }

  public static String string(int port, Object... args) {
    Object reply = call(port, args);
    return reply == null ? null : reply.toString();
  }

  /** {@code INFO <section>} (or {@code CLUSTER INFO}) as name -> value. */
  public static Map<String, String> info(int port, Object... args) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : string(port, args).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return fields;
  }

  /** A flat array reply of name, value, name, value... (as Sentinel answers) as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, String> pairs(Object reply) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<Object> items = (List<Object>) reply;
    for (int i = 0; i + 1 < items.size(); i += 2) {
      fields.put(String.valueOf(items.get(i)), String.valueOf(items.get(i + 1)));
    }
    return fields;
  }

  /**
   * Waits until {@code condition} holds, checking every 20 ms (an error reply or a refused
   * connection counts as not yet); fails after {@code timeoutMs} with {@code what} and the last
   * state {@code describe} gives, as {@link Await#until} does. Any other exception from
   * {@code condition} ends the wait at once.
   */
  public static void await(String what, long timeoutMs, BooleanSupplier condition, Supplier<String> describe) {
    Await.until(what, Duration.ofMillis(timeoutMs), Duration.ofMillis(20), () -> {
      try {
        return condition.getAsBoolean();
      } catch (ErrorReply | UncheckedIOException notYet) {
        // an error reply, or nothing listening yet
        return false;
      }
    }, describe);
  }

  private static Object read(InputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new IOException("connection closed");
    }
    String line = line(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new ErrorReply(line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length);
        in.readNBytes(2);
        return new String(bytes, StandardCharsets.UTF_8);
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          try {
            items.add(read(in));
          } catch (ErrorReply e) {
            items.add(e);
          }
        }
        return items;
      }
      default:
        throw new IOException("unexpected RESP type " + (char) type);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (previous == '\r' && b == '\n') {
        byte[] all = bytes.toByteArray();
        return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
      }
      bytes.write(b);
      previous = b;
    }
  }
}
