package dev.rekey.scanner.bundle;

import java.util.Arrays;

/**
 * Base64 variable-length quantities, the encoding of a source map's {@code mappings}: each
 * character carries five value bits and a continuation bit; the lowest bit of the assembled value
 * is its sign.
 */
final class Vlq {
  private static final int[] DIGITS = new int[128];

  static {
    Arrays.fill(DIGITS, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      DIGITS[alphabet.charAt(i)] = i;
    }
  }

  private Vlq() {}

  /** The value of base64 digit {@code c}, or -1 when it is none. */
  static int digit(char c) {
    return c < DIGITS.length ? DIGITS[c] : -1;
  }
}
