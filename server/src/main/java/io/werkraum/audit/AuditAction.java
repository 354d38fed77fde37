package io.werkraum.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an audit entry records: a stable code, translated by the control view, kept in logs. */
public enum AuditAction {
  BOARD_CREATED("board.created"),
  BOARD_DELETED("board.deleted"),
  /** Deleted by the server: past its retention. */
  BOARD_EXPIRED("board.expired"),
  BOARD_LOCKED("board.locked"),
  BOARD_UNLOCKED("board.unlocked"),
  RETENTION_CHANGED("retention.changed"),
  LINKS_RENEWED("links.renewed"),
  /** A join passphrase set or removed. */
  JOIN_PROTECTION_CHANGED("protection.changed"),
  PARTICIPANT_REMOVED("participant.removed"),
  /** Let in from the waiting room. */
  PARTICIPANT_ADMITTED("participant.admitted"),
  /** Removed with their data erased (GDPR Art. 17), by a facilitator or by themselves. */
  PARTICIPANT_ERASED("participant.erased"),
  ROUND_STARTED("round.started"),
  ROUND_CLOSED("round.closed"),
  ROOMS_OPENED("rooms.opened"),
  ROOMS_CLOSED("rooms.closed"),
  SNAPSHOT_TAKEN("snapshot.taken"),
  EXPORT_DOWNLOADED("export.downloaded"),
  SIGNED_IN("signin.succeeded"),
  SIGN_IN_REFUSED("signin.refused"),
  SIGNED_OUT("signin.ended"),
  /** A socket the server did not let in: unknown origin, bad or used ticket, removed person. */
  SOCKET_REFUSED("socket.refused");

  private static final Map<String, AuditAction> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The action of a stored code, or null for one this version does not know. */
  public static AuditAction fromCode(String code) {
    return BY_CODE.get(code);
  }
}
