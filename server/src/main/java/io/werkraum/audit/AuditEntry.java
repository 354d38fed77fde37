package io.werkraum.audit;

import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import java.util.Map;

/**
 * One audit entry: when, on which board (null for none), who (a participant id and role, Werkraum
 * itself, or a signed-in account) and what, with a few details: ids, counts, formats. Never
 * what people wrote, and no names of participants (the control view shows the name of who is
 * still on the board; someone erased stays an id).
 *
 * @param actor a participant id, a signed-in subject, or null for Werkraum itself
 * @param role facilitator, participant, observer, account, visitor, or system
 */
public record AuditEntry(long at, String board, String actor, String role, AuditAction action,
    Map<String, Object> details) {
  public static final String SYSTEM = "system";
  /** Someone on the web who is not on a board and not signed in (creating a board, opening a socket). */
  public static final String VISITOR = "visitor";
  /** Someone signed in through the instance's identity provider, named by their subject. */
  public static final String ACCOUNT = "account";

  public AuditEntry {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** An action by someone on a board. */
  public static AuditEntry by(Actor actor, long at, AuditAction action, Map<String, Object> details) {
    return actor.isSystem()
        ? new AuditEntry(at, actor.boardId(), null, SYSTEM, action, details)
        : new AuditEntry(at, actor.boardId(), actor.participantId(), actor.role().name().toLowerCase(),
            action, details);
  }

  /**
   * An action of someone not on a board: a signed-in account by its subject, or a visitor when
   * {@code subject} is null (nobody signed in).
   */
  public static AuditEntry byAccount(String subject, String board, long at, AuditAction action,
      Map<String, Object> details) {
    return new AuditEntry(at, board, subject, subject == null ? VISITOR : ACCOUNT, action, details);
  }

  /** An action of Werkraum itself. */
  public static AuditEntry bySystem(String board, long at, AuditAction action, Map<String, Object> details) {
    return new AuditEntry(at, board, null, SYSTEM, action, details);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("at", at).put("action", action.code()).put("role", role);
    if (board != null) {
      json.put("board", board);
    }
    if (actor != null) {
      json.put("actor", actor);
    }
    if (!details.isEmpty()) {
      json.put("details", new JsonObject(details));
    }
    return json;
  }

  /** An entry as stored; null when its action is not one this version knows. */
  public static AuditEntry fromJson(JsonObject json) {
    AuditAction action = AuditAction.fromCode(json.getString("action"));
    if (action == null) {
      return null;
    }
    JsonObject details = json.getJsonObject("details", new JsonObject());
    return new AuditEntry(json.getLong("at", 0L), json.getString("board"), json.getString("actor"),
        json.getString("role", SYSTEM), action, details.getMap());
  }
}
