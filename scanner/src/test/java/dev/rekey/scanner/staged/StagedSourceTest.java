package dev.rekey.scanner.staged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.SourceException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged scans of real repositories: exactly what a commit would add, with staged line numbers. */
class StagedSourceTest {
  static final String STRIPE =
      "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";
  static final String GITHUB = "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";

  @TempDir Path dir;

  private static List<String> places(ScanResult result) {
    return result.findings().stream()
        .flatMap(f -> f.locations().stream().map(l -> family(f) + "@" + where(l)))
        .toList();
  }

  /** The rule's family ({@code github}), which stays when rules are refined and renamed. */
  private static String family(Finding finding) {
    String id = finding.rule().id();
    return id.substring(0, id.indexOf('.'));
  }

  private static String where(Location location) {
    return location.provenance().path() + ":" + location.line() + ":" + location.column();
  }

  private static ScanResult scan(Path path) throws SourceException {
    StagedSource source = new StagedSource(path, ScanSettings.defaults());
    ScanResult all =
        new ScanPipeline(new Engine(RuleCatalog.builtIn()), ScanSettings.defaults())
            .run(List.of(source));
    return source.narrow(all);
  }

  @Test
  void firstCommitOfARepositoryCountsEveryStagedLine() throws Exception {
    TestRepo repo = new TestRepo(dir).write("app/.env", "A=1\nSTRIPE=" + STRIPE + "\n");
    repo.git("add", "-A");
    assertThat(places(scan(dir))).containsExactly("stripe@app/.env:2:8");
  }

  @Test
  void onlyAddedLinesAreReportedWithTheStagedFilesLineNumbers() throws Exception {
    TestRepo repo = new TestRepo(dir).write("config.py", "OLD = \"" + STRIPE + "\"\n");
    repo.commit("old secret, already committed");
    repo.write(
        "config.py", "# header\n# more\nOLD = \"" + STRIPE + "\"\nGH = \"" + GITHUB + "\"\n");
    repo.git("add", "config.py");
    assertThat(places(scan(dir))).containsExactly("github@config.py:4:7");
  }

  @Test
  void aPureRenameAddsNothingAndARenameWithAnEditReportsTheNewPath() throws Exception {
    TestRepo repo = new TestRepo(dir).write("a.txt", "one\ntwo\nthree\nfour\nKEY=" + STRIPE + "\n");
    repo.commit("init");
    repo.git("mv", "a.txt", "b.txt");
    assertThat(scan(dir).findings()).isEmpty();
    repo.write("b.txt", "one\ntwo\nthree\nfour\nKEY=" + STRIPE + "\nGH=" + GITHUB + "\n");
    repo.git("add", "b.txt");
    assertThat(places(scan(dir))).containsExactly("github@b.txt:6:4");
  }

  @Test
  void theIndexIsScannedNotTheWorkingTree() throws Exception {
    TestRepo repo = new TestRepo(dir).write("notes.md", "start\n");
    repo.commit("init");
    repo.write("notes.md", "start\ntoken " + GITHUB + "\n");
    repo.git("add", "notes.md");
    repo.write("notes.md", "start\nunstaged " + STRIPE + "\n");
    assertThat(places(scan(dir))).containsExactly("github@notes.md:2:7");
  }

  @Test
  void pathsWithSpacesAndNonAsciiAreReportedAsTheyAre() throws Exception {
    TestRepo repo = new TestRepo(dir).write("my dir/clé \"x\".txt", "k=" + GITHUB + "\n");
    repo.git("add", "-A");
    assertThat(places(scan(dir.resolve("my dir"))))
        .containsExactly("github@my dir/clé \"x\".txt:1:3");
  }

  @Test
  void deletionsAndUnstagedFilesAreIgnored() throws Exception {
    TestRepo repo = new TestRepo(dir).write("gone.txt", "k=" + GITHUB + "\n");
    repo.commit("init");
    repo.git("rm", "-q", "gone.txt");
    repo.write("untracked.txt", "k=" + STRIPE + "\n");
    assertThat(scan(dir).findings()).isEmpty();
  }

  @Test
  void theSameSecretInTwoStagedFilesIsOneFindingWithBothPlaces() throws Exception {
    TestRepo repo = new TestRepo(dir).write("a.env", "K=" + STRIPE + "\n");
    repo.write("b.env", "x\nK=" + STRIPE + "\n");
    repo.git("add", "-A");
    List<Finding> findings = scan(dir).findings();
    assertThat(findings).hasSize(1);
    assertThat(places(scan(dir))).containsExactly("stripe@a.env:1:3", "stripe@b.env:2:3");
  }

  @Test
  void outsideARepositoryIsAnErrorThatSaysWhatToDo() {
    assertThatThrownBy(() -> new StagedSource(Path.of("/"), ScanSettings.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("not inside a git working tree");
  }
}
