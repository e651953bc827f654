package dev.rekey.scanner.bundle;

import dev.rekey.scanner.model.MatchSite;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.OriginalPositions;

/**
 * Positions in a source embedded in a source map ({@code sourcesContent}): they are positions in
 * the original file itself.
 *
 * @param path the original file
 */
record EmbeddedPositions(String path) implements OriginalPositions {
  @Override
  public OriginalPosition at(MatchSite site) {
    return new OriginalPosition(path, site.line(), site.utf16Column() + 1);
  }
}
