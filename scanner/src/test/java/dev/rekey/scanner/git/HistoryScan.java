package dev.rekey.scanner.git;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.BlobMatch;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Scans a repository's history as the pipeline does, counting the blobs the source pushes (read)
 * and those whose kept matches it hands over instead ({@code kept}).
 */
record HistoryScan(ScanResult result, Map<String, Integer> pushed, Set<String> kept) {

  static HistoryScan of(Path repo, HistoryScope scope) throws SourceException {
    return of(repo, scope, ScanSettings.defaults());
  }

  static HistoryScan of(Path repo, HistoryScope scope, ScanSettings settings)
      throws SourceException {
    Map<String, Integer> pushed = new ConcurrentHashMap<>();
    Set<String> kept = ConcurrentHashMap.newKeySet();
    try (HistorySource history = new HistorySource(repo, settings, scope)) {
      Source counting =
          new Source() {
            @Override
            public String describe() {
              return history.describe();
            }

            @Override
            public void scan(BlobSink sink) throws SourceException {
              history.scan(new Counting(HistorySink.of(sink), pushed, kept));
            }

            @Override
            public void locate(Set<BlobId> matched, HistorySink sink) throws SourceException {
              history.locate(matched, sink);
            }
          };
      ScanResult result =
          new ScanPipeline(new Engine(RuleCatalog.builtIn()), settings).run(List.of(counting));
      return new HistoryScan(result, pushed, kept);
    }
  }

  /** One line per finding: rule, primary path, line, column, source and commit. */
  List<String> findings() {
    return result.findings().stream().map(HistoryScan::describe).sorted().toList();
  }

  static String describe(Finding finding) {
    Provenance primary = finding.primary().provenance();
    CommitInfo commit = primary.commit();
    return finding.rule().id()
        + " "
        + primary.path()
        + ":"
        + finding.primary().line()
        + ":"
        + finding.primary().column()
        + " "
        + primary.kind().label()
        + " "
        + (commit == null ? "-" : commit.id());
  }

  List<Problem> errors() {
    return result.problems().stream().filter(Problem::isError).toList();
  }

  /** Counts the blobs pushed (not the messages) and passes everything on. */
  private record Counting(HistorySink sink, Map<String, Integer> pushed, Set<String> kept)
      implements HistorySink {
    @Override
    public boolean acceptMatches(BlobId id, Provenance provenance, List<BlobMatch> matches) {
      boolean taken = sink.acceptMatches(id, provenance, matches);
      if (taken) {
        kept.add(id.hex());
      }
      return taken;
    }

    @Override
    public @Nullable Rule rule(String id) {
      return sink.rule(id);
    }

    @Override
    public BlobMatch.@Nullable Scanned matches(BlobId id) {
      return sink.matches(id);
    }

    @Override
    public boolean needs(BlobId id) {
      return sink.needs(id);
    }

    @Override
    public void accept(Blob blob, Provenance provenance) {
      if (!(provenance instanceof Provenance.CommitMessage)) {
        pushed.merge(blob.id().hex(), 1, Integer::sum);
      }
      sink.accept(blob, provenance);
    }

    @Override
    public void accept(Blob blob, Provenance provenance, KeywordHits hits) {
      if (!(provenance instanceof Provenance.CommitMessage)) {
        pushed.merge(blob.id().hex(), 1, Integer::sum);
      }
      sink.accept(blob, provenance, hits);
    }

    @Override
    public @Nullable KeywordScanner keywordScanner() {
      return sink.keywordScanner();
    }

    @Override
    public void alsoAt(BlobId id, Provenance provenance) {
      sink.alsoAt(id, provenance);
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
    public void spread(BlobId id, GitSpread spread) {
      sink.spread(id, spread);
    }
  }
}
