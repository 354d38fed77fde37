package io.werkraum.signin;

import io.werkraum.auth.SignedIn;
import java.util.logging.Logger;

/**
 * Where sign-in, sign-out and refused sign-ins are told: {@link #record} is the one place that
 * hears of each, so an audit log hooks in here. Never given tokens or passwords.
 */
public final class SignInEvents {
  private static final Logger LOG = Logger.getLogger(SignInEvents.class.getName());

  /** What happened. */
  public enum Kind { SIGNED_IN, SIGNED_OUT, REFUSED }

  /**
   * One event: {@code who} is null for a refused sign-in (nobody was identified); {@code detail}
   * says why a sign-in was refused (the provider's error or the failed step), else null.
   */
  public void record(Kind kind, SignedIn who, String detail) {
    LOG.info(() -> "sign-in event " + kind + (who == null ? "" : " subject=" + who.subject())
        + (detail == null ? "" : " (" + detail + ")"));
  }
}
