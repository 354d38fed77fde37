package io.werkraum.http;

import java.net.BindException;

/** A server socket could not be bound because another program holds the address and port. */
public final class PortInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private PortInUseException(String host, int port, Throwable cause) {
    super("port " + port + " on " + host + " is already in use", cause);
  }

  /** {@code failure} as a PortInUseException when a bind failed on host and port, else unchanged. */
  public static Throwable of(Throwable failure, String host, int port) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return new PortInUseException(host, port, failure);
      }
    }
    return failure;
  }
}
