package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.Match;
import dev.rekey.scanner.model.MatchSite;
import java.util.List;

/**
 * A match in a blob with its site, computed while the blob's bytes were at hand: what scanning a
 * blob yields, and what a repeat scan of a history keeps so that it need not read the blob again.
 */
public record BlobMatch(Match match, MatchSite site) {

  /** The matches a blob held when scanned as the file at {@code path}. */
  public record Scanned(String path, List<BlobMatch> matches) {
    public Scanned {
      matches = List.copyOf(matches);
    }
  }
}
