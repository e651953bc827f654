package dev.rekey.scanner.git;

import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.HistorySink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * A history sink that passes everything on and remembers what a {@link HistorySummary} needs: the
 * problems reported (an error means the listing is not sure enough to repeat from), and the places
 * and spreads reported for each matched blob.
 */
final class RecordingSink implements HistorySink {
  private final HistorySink sink;
  private final Queue<Problem> problems = new ConcurrentLinkedQueue<>();
  private final Map<BlobId, List<Provenance.GitBlob>> places = new HashMap<>();
  private final Map<BlobId, GitSpread> spreads = new HashMap<>();

  RecordingSink(HistorySink sink) {
    this.sink = sink;
  }

  /** The problems reported so far. */
  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Whether an error (not a note) was reported. */
  boolean failed() {
    return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.ERROR);
  }

  List<Provenance.GitBlob> places(BlobId blob) {
    return places.getOrDefault(blob, List.of());
  }

  @Nullable GitSpread spread(BlobId blob) {
    return spreads.get(blob);
  }

  @Override
  public void accept(Blob blob, Provenance provenance) {
    sink.accept(blob, provenance);
  }

  @Override
  public void accept(Blob blob, Provenance provenance, KeywordHits hits) {
    sink.accept(blob, provenance, hits);
  }

  @Override
  public void problem(Problem problem) {
    problems.add(problem);
    sink.problem(problem);
  }

  @Override
  public void expect(long blobs) {
    sink.expect(blobs);
  }

  @Override
  public void listed(long commits, long refs) {
    sink.listed(commits, refs);
  }

  @Override
  public boolean needs(BlobId id) {
    return sink.needs(id);
  }

  @Override
  public synchronized void alsoAt(BlobId id, Provenance provenance) {
    if (provenance instanceof Provenance.GitBlob place) {
      places.computeIfAbsent(id, k -> new ArrayList<>()).add(place);
    }
    sink.alsoAt(id, provenance);
  }

  @Override
  public @Nullable KeywordScanner keywordScanner() {
    return sink.keywordScanner();
  }

  @Override
  public synchronized void spread(BlobId id, GitSpread spread) {
    spreads.put(id, spread);
    sink.spread(id, spread);
  }
}
