package dev.rekey.detectors;

import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/** Finds the identifier that belongs with a secret (see {@link Companion}). */
final class Companions {
  private Companions() {}

  /** A companion found: its text and where it is. */
  record Found(String value, Match.Span at) {}

  /** The occurrence of the companion nearest to {@code [start, end)}, or null if none in reach. */
  static @Nullable Found nearest(Companion companion, ByteText text, int start, int end) {
    Matcher matcher = companion.pattern().matcher(text);
    matcher.region(
        Math.max(0, start - companion.distance()),
        Math.min(text.length(), end + companion.distance()));
    matcher.useTransparentBounds(true);
    int group = matcher.groupCount() >= 1 ? 1 : 0;
    Found best = null;
    int bestDistance = Integer.MAX_VALUE;
    while (matcher.find()) {
      int distance = Math.abs(matcher.start(group) - start);
      if (distance < bestDistance && (matcher.end(group) <= start || matcher.start(group) >= end)) {
        bestDistance = distance;
        best =
            new Found(
                text.utf8(matcher.start(group), matcher.end(group)),
                new Match.Span(matcher.start(group), matcher.end(group)));
      }
    }
    return best;
  }
}
