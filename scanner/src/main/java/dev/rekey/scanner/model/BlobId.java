package dev.rekey.scanner.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of content: its git object id (SHA-1 of {@code "blob <size>\0"} and the bytes).
 * Files on disk get the id git would give them, so a file and the blob it was committed as are
 * scanned once.
 */
public record BlobId(String hex) {
  /**
   * Each thread's SHA-1: a history scan hashes every commit message, most of them short, and
   * looking the algorithm up each time cost as much as the hashing.
   */
  private static final ThreadLocal<MessageDigest> SHA1 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-1 is required by every Java platform", e);
            }
          });

  public BlobId {
    if (!isObjectId(hex)) {
      throw new IllegalArgumentException("not a git object id: " + hex);
    }
  }

  /** Whether {@code hex} is 40 or 64 lower-case hex digits (a loop: this runs once per blob). */
  private static boolean isObjectId(String hex) {
    if (hex.length() != 40 && hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The git blob id of {@code content}. */
  public static BlobId of(byte[] content) {
    MessageDigest sha1 = SHA1.get();
    sha1.reset();
    sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
    return new BlobId(HexFormat.of().formatHex(sha1.digest(content)));
  }

  @Override
  public String toString() {
    return hex;
  }
}
