package dev.rekey.scanner.model;

import org.jspecify.annotations.Nullable;

/**
 * Maps positions in a generated blob (a minified bundle, a source embedded in a source map) back to
 * the original source. Implementations are thread-safe.
 */
public interface OriginalPositions {

  /** The original position of a match at {@code site}, or null when none is known. */
  @Nullable OriginalPosition at(MatchSite site);
}
