package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.detectors.Rule;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BlobSink} for a source that names blobs before reading them and sees each at many places
 * (a git history): it asks which blobs still need scanning, reports further places separately, may
 * start matching from keyword occurrences it worked out itself, and reports how far a secret
 * spread.
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
   * The keyword pass of the detector behind this sink, for a source that can work out where
   * keywords occur more cheaply than a pass over the content (see {@link #accept(Blob, Provenance,
   * KeywordHits)}); null when there is none to use.
   */
  @Nullable KeywordScanner keywordScanner();

  /**
   * Like {@link #accept(Blob, Provenance)}, for a blob whose keyword occurrences its source has
   * worked out (as {@link #keywordScanner()} finds them): matching starts from them instead of a
   * pass over the bytes, with the same result. Without an occurrence, the blob cannot match.
   */
  void accept(Blob blob, Provenance provenance, KeywordHits hits);

  /**
   * Records how far a blob has spread through a git history. Call it only after {@link #accept}
   * returned for that blob, typically from {@link Source#locate}.
   */
  void spread(BlobId id, GitSpread spread);

  /**
   * Takes {@code matches}, found by an earlier scan of this blob at the path of {@code provenance}
   * under the same rules and settings (kept by its source), in place of reading and scanning it
   * again; returns false when this sink cannot (the source then reads the blob).
   */
  default boolean acceptMatches(BlobId id, Provenance provenance, List<BlobMatch> matches) {
    return false;
  }

  /** The rule with this id among the detector's, to revive kept matches; null when none. */
  default @Nullable Rule rule(String id) {
    return null;
  }

  /**
   * What a blob held, for its source to keep for the next scan: its matches and the path it was
   * scanned at, when it held some as a file and every rule searched all the content it was given;
   * else null. Call after every source has scanned.
   */
  default BlobMatch.@Nullable Scanned matches(BlobId id) {
    return null;
  }

  /**
   * Records how much history a source listed: {@code commits} commits from {@code refs} refs (and
   * other named tips), for the report's account of what was scanned.
   */
  default void listed(long commits, long refs) {}

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
    public @Nullable KeywordScanner keywordScanner() {
      return null;
    }

    @Override
    public void accept(Blob blob, Provenance provenance, KeywordHits hits) {
      sink.accept(blob, provenance);
    }

    @Override
    public void spread(BlobId id, GitSpread spread) {}
  }
}
