package dev.rekey.scanner.pipeline;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;

/**
 * Receives what a {@link Source} produces: what every source needs. A source that sees one blob at
 * many places and can prove blobs clean (a git history) uses the richer {@link HistorySink}.
 * Implementations are thread-safe: a source may push from several threads at once.
 */
public interface BlobSink {

  /**
   * Scans {@code blob}, seen at {@code provenance}; a blob already scanned is not scanned again.
   */
  void accept(Blob blob, Provenance provenance);

  /** Reports something that could not be scanned, or was skipped on purpose. */
  void problem(Problem problem);

  /** Announces that about {@code blobs} more blobs are coming, for progress reports. */
  default void expect(long blobs) {}
}
