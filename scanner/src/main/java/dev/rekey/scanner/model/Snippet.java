package dev.rekey.scanner.model;

import dev.rekey.detectors.Match;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A short excerpt of the line around a secret, without the secret itself: reports put the redacted
 * (or, on request, revealed) secret between {@link #before()} and {@link #after()}. On a 200 KB
 * minified line it stays short; other secrets inside it are masked as {@code [redacted]}.
 *
 * @param before text just before the secret on its line, {@code …} where cut
 * @param after text just after the secret on its line, {@code …} where cut
 */
public record Snippet(String before, String after) {
  /** Bytes of context kept on each side. */
  static final int CONTEXT = 40;

  private static final String CUT = "…";
  private static final String MASK = "[redacted]";

  /** The excerpt with {@code secret} (redacted or revealed by the caller) in its place. */
  public String render(String secret) {
    return before + secret + after;
  }

  /**
   * The excerpt around {@code match} in {@code bytes}; {@code all} are masked where they overlap.
   */
  static Snippet around(byte[] bytes, int lineStart, int lineEnd, Match match, List<Match> all) {
    int from = Math.max(lineStart, match.start() - CONTEXT);
    int to = Math.max(match.end(), Math.min(lineEnd, match.end() + CONTEXT));
    String before = text(bytes, from, match.start(), all);
    if (from == lineStart) {
      before = before.stripLeading();
    }
    String after = text(bytes, match.end(), to, all);
    return new Snippet((from > lineStart ? CUT : "") + before, after + (to < lineEnd ? CUT : ""));
  }

  private static String text(byte[] bytes, int from, int to, List<Match> all) {
    int start = leadByte(bytes, from, to);
    StringBuilder text = new StringBuilder();
    int at = start;
    for (Match other : all) {
      if (other.end() <= at || other.start() >= to) {
        continue;
      }
      append(text, bytes, at, Math.max(at, other.start()));
      text.append(MASK);
      at = Math.min(to, other.end());
    }
    append(text, bytes, at, trailingBoundary(bytes, at, to));
    return text.toString();
  }

  private static void append(StringBuilder text, byte[] bytes, int from, int to) {
    String piece = new String(bytes, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    for (int i = 0; i < piece.length(); i++) {
      char c = piece.charAt(i);
      text.append(Character.isISOControl(c) ? ' ' : c);
    }
  }

  /** The first offset at or after {@code from} that starts a UTF-8 character. */
  private static int leadByte(byte[] bytes, int from, int to) {
    int at = from;
    while (at < to && (bytes[at] & 0xC0) == 0x80) {
      at++;
    }
    return at;
  }

  /** {@code to}, moved back so that no UTF-8 character is cut. */
  private static int trailingBoundary(byte[] bytes, int from, int to) {
    if (to >= bytes.length || (bytes[to] & 0xC0) != 0x80) {
      return to;
    }
    int at = to;
    while (at > from && (bytes[at] & 0xC0) == 0x80) {
      at--;
    }
    return at;
  }
}
