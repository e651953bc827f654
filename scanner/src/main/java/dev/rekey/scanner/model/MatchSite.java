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
 */
public record MatchSite(
    int line, int column, int utf16Column, @Nullable Snippet snippet, boolean browserEnv) {

  /** A site known only by its line and column. */
  public static MatchSite at(int line, int column) {
    return new MatchSite(line, column, column - 1, null, false);
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
        BrowserEnv.assigns(bytes, lineStart, start));
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
