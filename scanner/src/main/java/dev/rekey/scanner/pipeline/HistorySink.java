package dev.rekey.scanner.pipeline;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BlobSink} for a source that names blobs before reading them and sees each at many places
 * (a git history): it asks which blobs still need scanning, reports further places separately, may
 * prove blobs clean from the detector's keywords, and reports how far a secret spread.
 */
public interface HistorySink extends BlobSink {

  /**
   * Whether a blob with this id still needs scanning. A source that can name a blob before reading
   * it asks first and, when the answer is no, reports only {@link #alsoAt}.
   */
  boolean needs(BlobId id);

  /**
   * Records one more place a blob was seen. Call it only after {@link #accept} returned for that
   * blob (from any thread), so that its matches are known.
   */
  void alsoAt(BlobId id, Provenance provenance);

  /**
   * The keywords of the detector behind this sink, for a source that can prove blobs free of them
   * more cheaply than matching them (see {@link #acceptKeywordFree}); null when there are none to
   * use.
   */
  @Nullable KeywordSet keywords();

  /**
   * Like {@link #accept}, for a blob its source has proven to hold none of {@link #keywords()}: it
   * cannot yield a match, so it is recorded as scanned without being matched.
   */
  void acceptKeywordFree(Blob blob, Provenance provenance);

  /**
   * Records how far a blob has spread through a git history. Call it only after {@link #accept}
   * returned for that blob, typically from {@link Source#locate}.
   */
  void spread(BlobId id, GitSpread spread);

  /**
   * {@code sink} as a history sink: itself when it is one, else a sink that keeps no record of
   * blobs (every blob needs scanning, further places and spreads are dropped, nothing is proven).
   */
  static HistorySink of(BlobSink sink) {
    return sink instanceof HistorySink history ? history : new Plain(sink);
  }

  /** A plain sink seen as a history sink. */
  record Plain(BlobSink sink) implements HistorySink {
    @Override
    public void accept(Blob blob, Provenance provenance) {
      sink.accept(blob, provenance);
    }

    @Override
    public void problem(Problem problem) {
      sink.problem(problem);
    }

    @Override
    public void expect(long blobs) {
      sink.expect(blobs);
    }

    @Override
    public boolean needs(BlobId id) {
      return true;
    }

    @Override
    public void alsoAt(BlobId id, Provenance provenance) {}

    @Override
    public @Nullable KeywordSet keywords() {
      return null;
    }

    @Override
    public void acceptKeywordFree(Blob blob, Provenance provenance) {
      sink.accept(blob, provenance);
    }

    @Override
    public void spread(BlobId id, GitSpread spread) {}
  }
}
