package dev.rekey.rotators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Idempotency keys derived from the run, the credential and the purpose of a write. A step repeated
 * after a crash sends the same key, so the store or provider recognises the write it already made
 * (Secrets Manager's {@code ClientRequestToken}, which also becomes the version id).
 */
public final class IdempotencyKey {
  private IdempotencyKey() {}

  /**
   * A UUID-shaped key (36 characters, within Secrets Manager's 32–64) that depends only on its
   * arguments.
   *
   * @param purpose what the write is for, e.g. {@code pending} or {@code previous}
   */
  public static String of(String runId, String fingerprint, String purpose) {
    byte[] hash = sha256(runId + "\n" + fingerprint + "\n" + purpose);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (hash[i] & 0xff);
      low = (low << 8) | (hash[i + 8] & 0xff);
    }
    // Version 8 (custom) and the RFC 4122 variant, so the key reads as a well-formed UUID.
    high = (high & ~0xf000L) | 0x8000L;
    low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
