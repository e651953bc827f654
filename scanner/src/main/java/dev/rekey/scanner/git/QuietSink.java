package dev.rekey.scanner.git;

import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.HistorySink;
import org.jspecify.annotations.Nullable;

/**
 * A sink for a repeat scan's first look, before it knows it can go on: it scans nothing and only
 * remembers whether a problem was reported (which sends the scan back to a full listing, where the
 * problem is reported for real).
 */
final class QuietSink implements HistorySink {
  private boolean failed;

  boolean failed() {
    return failed;
  }

  @Override
  public void accept(Blob blob, Provenance provenance) {}

  @Override
  public void accept(Blob blob, Provenance provenance, KeywordHits hits) {}

  @Override
  public void problem(Problem problem) {
    failed = true;
  }

  @Override
  public boolean needs(BlobId id) {
    return false;
  }

  @Override
  public void alsoAt(BlobId id, Provenance provenance) {}

  @Override
  public @Nullable KeywordScanner keywordScanner() {
    return null;
  }

  @Override
  public void spread(BlobId id, GitSpread spread) {}
}
