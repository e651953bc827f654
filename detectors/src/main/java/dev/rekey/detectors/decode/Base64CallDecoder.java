package dev.rekey.detectors.decode;

import java.util.List;

/**
 * Base64 literals handed to a decoding call ({@code atob("…")}, {@code Buffer.from("…", "base64")},
 * {@code base64.b64decode("…")}, {@code echo … | base64 -d}, …): the nearest quoted or
 * space-delimited base64 run around the call is decoded.
 */
public final class Base64CallDecoder implements Decoder {
  private static final int REACH = 200;
  private static final int MIN_CHARS = 12;

  /** Literals longer than this are data, not a credential. */
  private static final int MAX_CHARS = 8192;

  @Override
  public List<String> keywords() {
    return List.of(
        "atob(",
        "b64decode(",
        "base64decode(",
        "decodebase64(",
        "frombase64string(",
        "decode64(",
        "base64 -d",
        "base64 --decode",
        "getdecoder().decode(",
        "\"base64\")",
        "'base64')");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    int after = firstRun(data, hitEnd, Math.min(data.length, hitEnd + REACH));
    int start = after >= 0 ? after : lastRun(data, Math.max(0, hitStart - REACH), hitStart);
    if (start < 0) {
      return hitEnd;
    }
    int end = Base64Text.runEnd(data, start, Math.min(data.length, start + MAX_CHARS));
    Decoded decoded = Base64Text.decode(data, start, end, 8, "base64");
    if (decoded != null) {
      out.add(decoded);
    }
    return hitEnd;
  }

  private static int firstRun(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (delimiter(data[i]) && runLength(data, i + 1) >= MIN_CHARS) {
        return i + 1;
      }
    }
    return -1;
  }

  private static int lastRun(byte[] data, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (delimiter(data[i]) && runLength(data, i + 1) >= MIN_CHARS) {
        return i + 1;
      }
    }
    return -1;
  }

  private static int runLength(byte[] data, int from) {
    int end = Base64Text.runEnd(data, from, Math.min(data.length, from + MAX_CHARS));
    boolean closed = end >= data.length || delimiter(data[end]) || data[end] == ')';
    return closed ? end - from : 0;
  }

  private static boolean delimiter(byte b) {
    return b == '"' || b == '\'' || b == '`' || b == ' ';
  }
}
