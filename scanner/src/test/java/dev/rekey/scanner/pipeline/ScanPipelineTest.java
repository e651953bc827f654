package dev.rekey.scanner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.folder.FileBlobReader;
import dev.rekey.scanner.folder.FileTreeSource;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanPipelineTest {
  private static final String KEY =
      "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";

  @TempDir Path dir;

  private final ScanPipeline pipeline =
      new ScanPipeline(new Engine(RuleCatalog.builtIn()), ScanSettings.defaults());

  @Test
  void sameContentAtManyPlacesIsScannedOnceAndReportedOnceWithEveryLocation() throws Exception {
    byte[] content = ("KEY=" + KEY + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicInteger detections = new AtomicInteger();
    ScanPipeline counting =
        new ScanPipeline(
            new dev.rekey.detectors.Detector() {
              final Engine engine = new Engine(RuleCatalog.builtIn());

              @Override
              public List<dev.rekey.detectors.Match> detect(byte[] bytes) {
                detections.incrementAndGet();
                return engine.detect(bytes);
              }

              @Override
              public java.util.Set<String> triggers() {
                return java.util.Set.of(); // every blob is matched, so every detection counts
              }

              @Override
              public List<dev.rekey.detectors.Rule> rules() {
                return engine.rules();
              }
            },
            ScanSettings.defaults());
    Source source =
        new Source() {
          @Override
          public String describe() {
            return "three copies";
          }

          @Override
          public void scan(BlobSink sink) {
            for (String path : List.of("b/.env", "a/.env", "c/.env")) {
              sink.accept(Blob.of(content), new Provenance.File(path));
            }
          }
        };
    ScanResult result = counting.run(List.of(source));
    assertThat(detections).hasValue(1);
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.locations())
                  .extracting(l -> l.provenance().path())
                  .containsExactly("a/.env", "b/.env", "c/.env");
              assertThat(f.primary().line()).isEqualTo(1);
              assertThat(f.primary().column()).isEqualTo(5);
            });
    assertThat(result.stats().blobs()).isEqualTo(1);
  }

  /** Regression, issue 13: a key shipped in a bundle showed its oldest history place first. */
  @Test
  void theMostExposedPlaceComesFirstAndTheFirstCommitIsKeptApart() throws Exception {
    byte[] content = ("KEY=" + KEY + "\n").getBytes(StandardCharsets.UTF_8);
    CommitInfo older = new CommitInfo("a1", "Ada", "ada@fixture.test", Instant.EPOCH);
    CommitInfo newer =
        new CommitInfo("b2", "Bob", "bob@fixture.test", Instant.EPOCH.plusSeconds(9));
    Source source =
        new Source() {
          @Override
          public String describe() {
            return "every kind of place";
          }

          @Override
          public void scan(BlobSink sink) {
            sink.accept(Blob.of(content), new Provenance.GitBlob(newer, "b/.env"));
            sink.accept(Blob.of(content), new Provenance.File(".env.local"));
            sink.accept(Blob.of(content), new Provenance.GitBlob(older, "a/.env"));
            sink.accept(Blob.of(content), new Provenance.File("a/.env", true));
            sink.accept(Blob.of(content), new Provenance.Bundle("dist/a.js"));
          }
        };

    Finding finding = pipeline.run(List.of(source)).findings().getFirst();

    assertThat(finding.locations())
        .extracting(l -> l.provenance().path(), Location::exposure)
        .containsExactly(
            tuple("dist/a.js", Exposure.PUBLIC),
            tuple("a/.env", Exposure.SERVER),
            tuple("a/.env", Exposure.HISTORY),
            tuple("b/.env", Exposure.HISTORY),
            tuple(".env.local", Exposure.LOCAL));
    assertThat(finding.firstCommit())
        .extracting(l -> l == null ? null : l.provenance().commit())
        .isEqualTo(older);
  }

  @Test
  void aFileThatCannotBeReadIsAProblemAndTheRestIsScanned() throws Exception {
    Files.writeString(dir.resolve("ok.env"), "KEY=" + KEY);
    Path notAFile = Files.createDirectories(dir.resolve("looks-like-a-file"));
    BlobSinkRecorder sink = new BlobSinkRecorder();
    new FileBlobReader(ScanSettings.defaults())
        .read(
            dir,
            List.of(notAFile, dir.resolve("ok.env"), dir.resolve("gone.txt")),
            sink,
            Provenance.File::new);
    // Issue 11: what is not a regular file is skipped with a note, not read and not an error.
    assertThat(sink.problems)
        .extracting(Problem::where, Problem::isError)
        .containsExactlyInAnyOrder(tuple("looks-like-a-file", false), tuple("gone.txt", true));
    assertThat(sink.accepted).containsExactly("ok.env");
  }

  @Test
  void plainDirectorySkipsGitAndNodeModules() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("node_modules/x"));
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve(".git/config"), "KEY=" + KEY);
    Files.writeString(dir.resolve("node_modules/x/index.js"), "KEY=" + KEY);
    Files.writeString(dir.resolve("src/app.js"), "KEY=" + KEY);
    ScanResult result = pipeline.run(List.of(new FileTreeSource(dir, ScanSettings.defaults())));
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.locations())
                    .extracting(l -> l.provenance().path())
                    .containsExactly("src/app.js"));
  }

  @Test
  void blobIdIsGitsObjectId() {
    // `printf 'hello\n' | git hash-object --stdin`
    assertThat(BlobId.of("hello\n".getBytes(StandardCharsets.UTF_8)).hex())
        .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
  }

  private static final class BlobSinkRecorder implements BlobSink {
    final List<Problem> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void accept(Blob blob, Provenance provenance) {
      accepted.add(String.valueOf(provenance.path()));
    }

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }
  }
}
