package dev.rekey.detectors;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Inline suppression: a secret on a line carrying {@code rekey:allow}, or one of the markers other
 * scanners' users already have in their code ({@code gitleaks:allow}, {@code pragma: allowlist
 * secret}, {@code trufflehog:ignore}), is not reported.
 */
final class InlineAllow {
  private static final List<byte[]> MARKERS =
      List.of(
          bytes("rekey:allow"),
          bytes("gitleaks:allow"),
          bytes("pragma: allowlist secret"),
          bytes("trufflehog:ignore"));

  /** Lines longer than this (minified code) are searched only near the secret. */
  private static final int REACH = 512;

  private InlineAllow() {}

  /** Whether the line holding {@code [start, end)} carries an allow marker. */
  static boolean allows(byte[] data, int start, int end) {
    int from = start;
    while (from > 0 && data[from - 1] != '\n' && start - from < REACH) {
      from--;
    }
    int to = end;
    while (to < data.length && data[to] != '\n' && to - end < REACH) {
      to++;
    }
    for (byte[] marker : MARKERS) {
      if (contains(data, from, to, marker)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(byte[] data, int from, int to, byte[] marker) {
    outer:
    for (int i = from; i + marker.length <= to; i++) {
      for (int j = 0; j < marker.length; j++) {
        byte b = data[i + j];
        byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
        if (lower != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
