package dev.rekey.scanner.pipeline;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Receives what a {@link Source} produces. Implementations are thread-safe: a source may push from
 * several threads at once.
 */
public interface BlobSink {

  /**
   * Whether a blob with this id still needs scanning. A source that can name a blob before reading
   * it asks first and, when the answer is no, reports only {@link #alsoAt}.
   */
  boolean needs(BlobId id);

  /**
   * Scans {@code blob}, seen at {@code provenance}; a blob already scanned is not scanned again.
   */
  void accept(Blob blob, Provenance provenance);

  /**
   * Records one more place a blob was seen. Call it only after {@link #accept} returned for that
   * blob (from any thread), so that its matches are known.
   */
  void alsoAt(BlobId id, Provenance provenance);

  /** Reports something that could not be scanned, or was skipped on purpose. */
  void problem(Problem problem);

  /**
   * The keywords of the detector behind this sink, for a source that can prove blobs free of them
   * more cheaply than matching them (see {@link #acceptKeywordFree}); null when there are none to
   * use.
   */
  default @Nullable KeywordSet keywords() {
    return null;
  }

  /**
   * Like {@link #accept}, for a blob its source has proven to hold none of {@link #keywords()}: it
   * cannot yield a match, so it is recorded as scanned without being matched.
   */
  default void acceptKeywordFree(Blob blob, Provenance provenance) {
    accept(blob, provenance);
  }

  /** Announces that about {@code blobs} more blobs are coming, for progress reports. */
  default void expect(long blobs) {}

  /**
   * Records how far a blob has spread through a git history. Call it only after {@link #accept}
   * returned for that blob, typically from {@link Source#locate}.
   */
  default void spread(BlobId id, GitSpread spread) {}
}
