package dev.rekey.scanner.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {
  private static final String STRIPE =
      "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";
  private static final String GITHUB = "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";
  private static final CommitInfo COMMIT =
      new CommitInfo(
          "1f3c5a7e9b2d4f6a8c0e1f3c5a7e9b2d4f6a8c0e",
          "Ada Fixture",
          "ada@fixture.test",
          Instant.parse("2024-01-02T00:00:00Z"));

  @TempDir Path dir;
  private ScanResult result;

  @BeforeEach
  void scan() throws Exception {
    Source source =
        new Source() {
          @Override
          public String describe() {
            return "sample";
          }

          @Override
          public void scan(BlobSink sink) {
            sink.accept(blob("a\nSTRIPE=" + STRIPE + "\n"), new Provenance.File("app/.env"));
            sink.accept(blob("token = " + GITHUB + "\n"), new Provenance.GitBlob(COMMIT, "ci.yml"));
            HistorySink.of(sink)
                .alsoAt(blob("token = " + GITHUB + "\n").id(), new Provenance.File("copy.yml"));
          }
        };
    result =
        new ScanPipeline(new Engine(RuleCatalog.builtIn()), ScanSettings.defaults())
            .run(List.of(source));
    assertThat(result.findings()).hasSize(2);
  }

  private static Blob blob(String text) {
    return Blob.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private Finding finding(String family) {
    return result.findings().stream()
        .filter(f -> f.rule().id().startsWith(family + "."))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aRekeyBaselineSuppressesExactlyTheFingerprintsItListsWhereverTheyAre() throws Exception {
    Path file = dir.resolve(".rekey-baseline.json");
    RekeyBaseline.empty(file).plus(List.of(finding("stripe")), "test fixture").write();
    Baselines baselines = Baselines.load(List.of(), dir, true);
    Baselines.Split split = baselines.split(result);
    assertThat(split.known())
        .extracting(Finding::fingerprint)
        .containsExactly(finding("stripe").fingerprint());
    assertThat(split.fresh().findings())
        .extracting(Finding::fingerprint)
        .containsExactly(finding("github").fingerprint());
    assertThat(Files.readString(file))
        .contains("\"reason\" : \"test fixture\"")
        .doesNotContain(STRIPE);
  }

  @Test
  void theDefaultBaselineIsSkippedOnRequest() throws Exception {
    RekeyBaseline.empty(dir.resolve(".rekey-baseline.json")).plus(result.findings(), null).write();
    assertThat(Baselines.load(List.of(), dir, false).split(result).fresh().findings()).hasSize(2);
    assertThat(Baselines.load(List.of(), dir, true).split(result).fresh().findings()).isEmpty();
  }

  @Test
  void aSubFolderOfARepositoryUsesTheRepositorysBaselineButNothingAboveIt() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path sub = Files.createDirectories(repo.resolve("src/main"));
    assertThat(Baselines.standardFile(sub)).isNull();
    Files.writeString(dir.resolve(".rekey-baseline.json"), "{\"findings\": []}");
    assertThat(Baselines.standardFile(sub)).as("outside the repository").isNull();
    Path file = Files.writeString(repo.resolve(".rekey-baseline.json"), "{\"findings\": []}");
    assertThat(Baselines.standardFile(sub)).isEqualTo(file);
    Path plain = Files.createDirectories(dir.resolve("plain/folder"));
    assertThat(Baselines.standardFile(plain))
        .as("outside any repository: only the folder")
        .isNull();
  }

  @Test
  void rebuildingKeepsReasonsAndDropsWhatIsGone() throws Exception {
    RekeyBaseline old =
        RekeyBaseline.empty(dir.resolve("b.json"))
            .plus(List.of(finding("stripe")), "fixture")
            .plus(List.of(finding("github")), null);
    RekeyBaseline rebuilt = old.rebuiltFrom(List.of(finding("stripe")), "new reason");
    assertThat(rebuilt.entries()).hasSize(1);
    assertThat(rebuilt.entries().values())
        .extracting(BaselineEntry::reason)
        .containsExactly("fixture");
    rebuilt.write();
    assertThat(Baseline.read(dir.resolve("b.json"))).isEqualTo(rebuilt);
  }

  @Test
  void aGitleaksIgnoreMatchesByPathLineAndCommitPrefix() throws Exception {
    Path file = dir.resolve(".gitleaksignore");
    Files.writeString(
        file,
        """
        # known fixtures
        1f3c5a7:ci.yml:github-pat:1
        app/.env:stripe-access-token:2 # staged or directory scan form
        app/.env:stripe-access-token:9
        """);
    Baselines.Split split = new Baselines(List.of(Baseline.read(file))).split(result);
    assertThat(split.known())
        .extracting(Finding::fingerprint)
        .containsExactly(finding("stripe").fingerprint());
    Finding github = split.fresh().findings().getFirst();
    assertThat(github.locations())
        .extracting(l -> l.provenance().path())
        .containsExactly("copy.yml");
  }

  @Test
  void aDetectSecretsBaselineMatchesBySha1OfTheSecretInItsFile() throws Exception {
    Path file = dir.resolve(".secrets.baseline");
    Files.writeString(
        file,
        """
        {"version": "1.5.0", "plugins_used": [{"name": "GitHubTokenDetector"}],
         "results": {
           "./ci.yml": [{"type": "GitHub Token", "filename": "ci.yml",
                       "hashed_secret": "%s", "is_verified": false, "line_number": 7}],
           "copy.yml": [{"type": "GitHub Token", "filename": "copy.yml",
                       "hashed_secret": "0000000000000000000000000000000000000000", "line_number": 1}]
         }}
        """
            .formatted(DetectSecretsBaseline.sha1(GITHUB)));
    Baselines.Split split = new Baselines(List.of(Baseline.read(file))).split(result);
    assertThat(split.known())
        .extracting(Finding::fingerprint)
        .containsExactly(finding("github").fingerprint());
    assertThat(DetectSecretsBaseline.sha1("password"))
        .as("detect-secrets' documented hashing: hex SHA-1 of the UTF-8 secret")
        .isEqualTo("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8");
  }

  @Test
  void aMissingOrBrokenBaselineIsAnErrorThatSaysWhatToDo() throws Exception {
    assertThatThrownBy(() -> Baseline.read(dir.resolve("nope.json")))
        .hasMessageContaining("no such baseline")
        .hasMessageContaining("rekey baseline");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"findings\": [ {\"rule\": 1 ");
    assertThatThrownBy(() -> Baseline.read(broken)).hasMessageContaining("not a valid baseline");
    Path newer = Files.writeString(dir.resolve("newer.json"), "{\"version\": 9, \"findings\": []}");
    assertThatThrownBy(() -> Baseline.read(newer)).hasMessageContaining("newer rekey");
  }

  /** Issue 11, item 11: a file that is no baseline is an error, never an empty baseline. */
  @Test
  void malformedBaselinesAreClearErrorsNotEmptyBaselines() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("[]", "b.json:1: not a baseline: expected a rekey or detect-secrets baseline");
    cases.put("null", "b.json:1: not a baseline");
    cases.put("{\"version\":99}", "written by a newer rekey (format version 99)");
    cases.put("{\"version\":1}", "not a rekey baseline: expected a list of findings");
    cases.put("{\"findings\": [\"x\"]}", "every entry of findings to be an object");
    cases.put("{\"other\": 1}", "with findings (rekey's) or results (detect-secrets')");
    cases.put("\uFEFF{\"findings\": []}", "starts with a byte-order mark");
    cases.put("# ok\napp.env:rule:123456789012345678901\n", "b.json:2: not a baseline");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path file = Files.writeString(dir.resolve("b.json"), c.getKey());
      assertThatThrownBy(() -> Baseline.read(file))
          .as(c.getKey())
          .hasMessageContaining(c.getValue());
    }
    Files.write(dir.resolve("b.json"), new byte[] {'{', (byte) 0xc3, '}'});
    assertThatThrownBy(() -> Baseline.read(dir.resolve("b.json")))
        .hasMessageContaining("b.json:1: not valid UTF-8");
  }

  @Test
  void aRepositorysBaselineThatCannotBeReadIsAProblemAndHidesNothing() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path hiding = outside.resolve("bashrc");
    RekeyBaseline.empty(hiding).plus(result.findings(), "hide them").write();
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createSymbolicLink(repo.resolve(RekeyBaseline.FILE_NAME), hiding);

    Baselines baselines = Baselines.load(List.of(), repo, true);

    assertThat(baselines.all()).isEmpty();
    assertThat(baselines.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("a symbolic link to outside"));
    assertThat(baselines.split(result).fresh().findings()).hasSize(2);
  }
}
