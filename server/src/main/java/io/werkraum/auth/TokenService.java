package io.werkraum.auth;

import io.werkraum.board.Actor;
import io.werkraum.board.Limits;
import io.werkraum.board.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Join tokens: {@code base64url(v1|board|participant|role) . base64url(HMAC-SHA256)}, signed with a
 * secret shared by all nodes. A token proves identity; whether the participant still exists (not
 * removed) is checked against the store where it matters.
 */
public final class TokenService {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public TokenService(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String issue(Actor actor) {
    String payload = String.join("|", "v1", actor.boardId(), actor.participantId(), actor.role().wire());
    byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(payloadBytes) + "." + B64.encodeToString(sign(payloadBytes));
  }

  /** The actor the token names, or null when it is malformed or not signed by us. */
  public Actor verify(String token) {
    if (token == null || token.length() > 512) {
      return null;
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    try {
      byte[] payload = B64D.decode(token.substring(0, dot));
      byte[] signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(payload))) {
        return null;
      }
      String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 4 || !"v1".equals(parts[0])
          || !Limits.ID.matcher(parts[1]).matches() || !Limits.ID.matcher(parts[2]).matches()) {
        return null;
      }
      return new Actor(parts[1], parts[2], Role.fromWire(parts[3]));
    } catch (IllegalArgumentException e) {
      return null;
    }
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
