package dev.rekey.rotators.db;

import dev.rekey.detectors.SecretValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** New database passwords, and the hashes some servers take instead of a clear password. */
final class Passwords {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /**
   * A strong password: 32 letters and digits (about 190 bits), safe unescaped in a URL, a
   * connection string and an SQL literal.
   */
  static SecretValue generate() {
    StringBuilder password = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return SecretValue.of(password.toString());
  }

  /**
   * The {@code mysql_native_password} hash, {@code *} and the upper-case hex SHA-1 of the SHA-1 of
   * the password: sent instead of the password so that it never reaches the server's logs.
   */
  static String nativeHash(SecretValue password) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] once = sha1.digest(password.reveal().getBytes(StandardCharsets.UTF_8));
      byte[] twice = MessageDigest.getInstance("SHA-1").digest(once);
      return "*" + HexFormat.of().formatHex(twice).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }

  /** A MySQL/MariaDB string literal (backslashes are escapes there). */
  static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
