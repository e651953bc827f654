package dev.rekey.scanner.model;

import dev.rekey.detectors.LineIndex;
import dev.rekey.detectors.Match;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where in its blob a match is, and what its surroundings tell, computed while the blob's bytes are
 * at hand.
 *
 * @param line 1-based line of the secret's first character
 * @param column 1-based column, in code points
 * @param utf16Column 0-based column in UTF-16 code units, as source maps count
 * @param snippet a short excerpt of the line around the secret, or null
 * @param browserEnv whether the secret is the value of a browser-exposed variable ({@link
 *     BrowserEnv})
 * @param companion whether this is where the identifier paired with the secret was found (an AWS
 *     access key id), not the secret itself
 */
public record MatchSite(
    int line,
    int column,
    int utf16Column,
    @Nullable Snippet snippet,
    boolean browserEnv,
    boolean companion) {

  /** A site known only by its line and column. */
  public static MatchSite at(int line, int column) {
    return new MatchSite(line, column, column - 1, null, false, false);
  }

  /**
   * The site of the identifier paired with a secret, at offset {@code at}: known by its line and
   * column only (a snippet would show the secret in the identifier's place).
   */
  public static MatchSite companionAt(LineIndex lines, int at) {
    return new MatchSite(lines.line(at), lines.column(at), lines.column(at) - 1, null, false, true);
  }

  /** The site of {@code match} in {@code bytes}, one of {@code all} matches found there. */
  public static MatchSite of(byte[] bytes, LineIndex lines, Match match, List<Match> all) {
    int start = match.start();
    int lineStart = lines.lineStart(start);
    int lineEnd = lines.lineEnd(Math.max(start, match.end() - 1));
    return new MatchSite(
        lines.line(start),
        lines.column(start),
        utf16Units(bytes, lineStart, start),
        Snippet.around(bytes, lineStart, lineEnd, match, all),
        BrowserEnv.assigns(bytes, lineStart, start),
        false);
  }

  /** UTF-16 code units that the UTF-8 bytes in {@code [from, to)} decode to. */
  static int utf16Units(byte[] bytes, int from, int to) {
    int units = 0;
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      if (b >= 0xF0) {
        units += 2;
      } else if (b < 0x80 || b >= 0xC0) {
        units++;
      }
    }
    return units;
  }
}
