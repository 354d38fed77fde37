package io.werkraum.signin;

import io.werkraum.audit.AuditAction;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.auth.SignedIn;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where sign-in, sign-out and refused sign-ins are told: {@link #record} is the one place that
 * hears of each and writes it to the instance's audit log (and its JSON line). Never given
 * tokens or passwords; the entry names the account by its subject only.
 */
public final class SignInEvents {
  private static final Logger LOG = Logger.getLogger(SignInEvents.class.getName());

  /** What happened. */
  public enum Kind { SIGNED_IN, SIGNED_OUT, REFUSED }

  private final AuditLog audit;

  public SignInEvents(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * One event: {@code who} is null for a refused sign-in (nobody was identified); {@code detail}
   * says why a sign-in was refused (the provider's error or the failed step), else null.
   */
  public void record(Kind kind, SignedIn who, String detail) {
    AuditAction action = switch (kind) {
      case SIGNED_IN -> AuditAction.SIGNED_IN;
      case SIGNED_OUT -> AuditAction.SIGNED_OUT;
      case REFUSED -> AuditAction.SIGN_IN_REFUSED;
    };
    Map<String, Object> details = detail == null ? Map.of() : Map.of("reason", detail);
    audit.record(AuditEntry.byAccount(who == null ? null : who.subject(), null, System.currentTimeMillis(), action, details))
        .onFailure(err -> LOG.log(Level.WARNING, "cannot record a sign-in event", err));
  }
}
