package io.werkraum.auth;

import io.werkraum.board.Actor;
import io.werkraum.protocol.Limits;
import io.werkraum.board.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Join tokens and socket tickets, both {@code base64url(payload) . base64url(HMAC-SHA256)} signed
 * with a secret shared by all nodes.
 *
 * <ul>
 *   <li>A join token ({@code v1|board|participant|role}) proves identity for as long as the
 *       participant exists; the browser keeps it and sends it only in an Authorization header.
 *   <li>A socket ticket ({@code t3|board|participant|role|expiresAt|nonce}) is what a WebSocket URL
 *       carries: URLs end up in proxy logs and browser consoles, so they carry only something that
 *       expires within a minute and opens one socket (the nonce is used up when it does).
 * </ul>
 * Whether the participant still exists (not removed) is checked against the store where it matters.
 */
public final class TokenService {
  /** How long a socket ticket is accepted. */
  public static final long TICKET_LIFETIME_MS = 60_000;

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public TokenService(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String issue(Actor actor) {
    return seal(String.join("|", "v1", actor.boardId(), actor.participantId(), actor.role().wire()));
  }

  public String issueTicket(Actor actor, long expiresAt) {
    return seal(String.join("|", "t3", actor.boardId(), actor.participantId(), actor.role().wire(),
        Long.toString(expiresAt), randomId(12)));
  }

  /** What a verified socket ticket says: who, until when, and the nonce that marks it used. */
  public record Ticket(Actor actor, long expiresAt, String nonce) {}

  /** The actor the join token names, or null when it is malformed or not signed by us. */
  public Actor verify(String token) {
    String[] parts = open(token, "v1", 4);
    return parts == null ? null : actor(parts);
  }

  /** What the ticket says, or null when it is malformed, not signed by us or expired. */
  public Ticket verifyTicket(String ticket, long now) {
    String[] parts = open(ticket, "t3", 6);
    try {
      if (parts == null || Long.parseLong(parts[4]) < now) {
        return null;
      }
      return new Ticket(actor(parts), Long.parseLong(parts[4]), parts[5]);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String seal(String payload) {
    byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(payloadBytes) + "." + B64.encodeToString(sign(payloadBytes));
  }

  /** The payload fields of a sealed string of the given kind, or null. */
  private String[] open(String sealed, String kind, int fields) {
    if (sealed == null || sealed.length() > 512) {
      return null;
    }
    int dot = sealed.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    try {
      byte[] payload = B64D.decode(sealed.substring(0, dot));
      byte[] signature = B64D.decode(sealed.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(payload))) {
        return null;
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != fields || !kind.equals(parts[0])
          || !Limits.ID.matcher(parts[1]).matches() || !Limits.ID.matcher(parts[2]).matches()) {
        return null;
      }
      Role.fromWire(parts[3]);
      return parts;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Actor actor(String[] parts) {
    return new Actor(parts[1], parts[2], Role.fromWire(parts[3]));
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A random URL-safe string with {@code bytes} bytes of entropy, for ids and secrets. */
  public static String randomId(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return B64.encodeToString(buffer);
  }
}
