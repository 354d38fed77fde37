package io.werkraum.auth;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A board's join passphrase, kept only as a salted PBKDF2 hash: the store compares hashes, so the
 * passphrase itself is never stored or logged.
 */
public final class Passphrases {
  /** Enough to make guessing offline costly, little enough to hash on an event loop (a few ms). */
  private static final int ITERATIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new salt and the passphrase's hash with it. */
  public record Hashed(String salt, String hash) {}

  private Passphrases() {}

  public static Hashed hash(String passphrase) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String encoded = Base64.getEncoder().encodeToString(salt);
    return new Hashed(encoded, hash(passphrase, encoded));
  }

  /** The hash of {@code passphrase} with a stored salt. */
  public static String hash(String passphrase, String salt) {
    try {
      PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), Base64.getDecoder().decode(salt), ITERATIONS, 256);
      byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return Base64.getEncoder().encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
    }
  }
}
