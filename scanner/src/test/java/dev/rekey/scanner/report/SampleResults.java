package dev.rekey.scanner.report;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** A scan result touching every kind of place a report must show. */
final class SampleResults {
  static final String STRIPE =
      "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";
  static final String GITHUB = "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";

  private SampleResults() {}

  static ScanResult mixed() throws SourceException {
    CommitInfo commit =
        new CommitInfo(
            "1f3c5a7e9b2d4f6a8c0e1f3c5a7e9b2d4f6a8c0e",
            "Ada Fixture",
            "ada@fixture.test",
            Instant.parse("2024-01-02T03:04:05Z"));
    Source source =
        new Source() {
          @Override
          public String describe() {
            return "sample";
          }

          @Override
          public void scan(BlobSink sink) {
            sink.accept(blob("STRIPE=" + STRIPE + "\n"), new Provenance.File("config/.env"));
            sink.accept(
                blob("x = 1\ntoken: \"" + GITHUB + "\" # a, \"quoted\" <tag> & more\n"),
                new Provenance.GitBlob(commit, "src/my app/settings, old.yml"));
            HistorySink.of(sink)
                .alsoAt(blob("STRIPE=" + STRIPE + "\n").id(), new Provenance.Staged("b.env"));
            sink.accept(blob("fixed " + GITHUB + "\n"), new Provenance.CommitMessage(commit));
            sink.problem(Problem.skipped("logo.png", "binary content"));
            sink.problem(
                Problem.error("locked.txt", "permission denied: check the file's permissions"));
          }
        };
    return new ScanPipeline(new Engine(RuleCatalog.builtIn()), ScanSettings.defaults())
        .run(List.of(source));
  }

  static ScanResult commitMessageOnly() throws SourceException {
    CommitInfo commit =
        new CommitInfo(
            "2f3c5a7e9b2d4f6a8c0e1f3c5a7e9b2d4f6a8c0e", "Ada", "a@f.test", Instant.EPOCH);
    Source source =
        new Source() {
          @Override
          public String describe() {
            return "message";
          }

          @Override
          public void scan(BlobSink sink) {
            sink.accept(blob("key " + STRIPE + "\n"), new Provenance.CommitMessage(commit));
          }
        };
    return new ScanPipeline(new Engine(RuleCatalog.builtIn()), ScanSettings.defaults())
        .run(List.of(source));
  }

  static ScanResult empty() throws SourceException {
    return new ScanPipeline(new Engine(RuleCatalog.builtIn()), ScanSettings.defaults())
        .run(List.of());
  }

  private static Blob blob(String text) {
    return Blob.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
