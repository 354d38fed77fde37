package io.werkraum.audit;

import java.util.Map;

/** What the audit log records of one command: the action and a few details (never texts people wrote). */
public record Audited(AuditAction action, Map<String, Object> details) {
  public Audited {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public static Audited of(AuditAction action) {
    return new Audited(action, Map.of());
  }
}
