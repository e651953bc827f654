package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.files.RepositoryCache;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same history, stored in different shapes, yields the same findings: loose objects or a pack,
 * a bare mirror, a linked worktree; a shallow clone yields what it holds and says so.
 */
class RepositoryShapesTest {
  @TempDir Path temp;

  @Test
  void packedAndLooseObjectsGiveTheSameFindings() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    List<String> loose = HistoryScan.of(repo, HistoryScope.FULL).findings();
    GitFixture.git(repo, "gc", "-q");
    try (Stream<Path> packs = Files.list(repo.resolve(".git/objects/pack"))) {
      assertThat(packs.toList()).isNotEmpty();
    }
    HistoryScan packed = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(packed.findings()).isEqualTo(loose).hasSize(9);
    assertThat(packed.errors()).isEmpty();
  }

  @Test
  void aBareMirrorHasTheSameHistory() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    GitFixture.git(temp, "clone", "-q", "--mirror", repo.toString(), "mirror.git");
    assertThat(HistoryScan.of(temp.resolve("mirror.git"), HistoryScope.FULL).findings())
        .isEqualTo(HistoryScan.of(repo, HistoryScope.FULL).findings());
  }

  @Test
  void aBareRepositorysTipSecretsAreInTheCodeTheRestInHistory() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    GitFixture.git(temp, "clone", "-q", "--bare", repo.toString(), "bare.git");
    List<Finding> findings =
        HistoryScan.of(temp.resolve("bare.git"), HistoryScope.FULL).result().findings();
    assertThat(findings)
        .filteredOn(RepositoryShapesTest::atTip)
        .isNotEmpty()
        .allMatch(f -> f.exposure() == Exposure.SERVER);
    assertThat(findings)
        .filteredOn(f -> !atTip(f))
        .isNotEmpty()
        .allMatch(f -> f.exposure() == Exposure.HISTORY);
  }

  private static boolean atTip(Finding finding) {
    GitSpread spread = finding.spread();
    return spread != null && spread.atDefaultTip();
  }

  @Test
  void aLinkedWorktreeIsScannedThroughItsRepository() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    GitFixture.git(
        repo, "worktree", "add", "-q", "--detach", temp.resolve("linked").toString(), "HEAD~3");
    HistoryScan scan = HistoryScan.of(temp.resolve("linked"), HistoryScope.FULL);
    assertThat(scan.findings()).isEqualTo(HistoryScan.of(repo, HistoryScope.FULL).findings());
    assertThat(scan.errors()).isEmpty();
  }

  @Test
  void aShallowCloneIsScannedForWhatItHoldsAndSaysItIsShallow() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    GitFixture.git(
        temp, "clone", "-q", "--depth", "2", "file://" + repo, temp.resolve("shallow").toString());
    HistoryScan scan = HistoryScan.of(temp.resolve("shallow"), HistoryScope.FULL);
    assertThat(scan.errors()).isEmpty();
    assertThat(scan.result().problems())
        .anyMatch(p -> p.message().startsWith("shallow clone: 1 commit has parents missing"));
    assertThat(scan.findings())
        .extracting(f -> f.split(" ")[0])
        .as("what the last two commits of main hold")
        .containsExactlyInAnyOrder(
            "github.fine-grained-token", "stripe.secret-key", "stripe.test-key");
  }

  @Test
  void aRangeScansOnlyWhatItsCommitsIntroduced() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    String documented = "49f2475e24c98a6064137d73494a79979d4bd846";
    HistoryScan scan = HistoryScan.of(repo, new HistoryScope(false, documented + "..main", null));
    assertThat(scan.findings())
        .extracting(f -> f.split(" ")[0] + " " + f.split(" ")[1])
        .containsExactlyInAnyOrder(
            "github.fine-grained-token config/old_settings.py:1:17",
            "stripe.test-key src/stripe.js:1:35",
            "stripe.secret-key scripts/billing.sh:1:26");
    assertThat(scan.pushed().keySet())
        .as("blobs of the range's commits that its boundary did not already hold")
        .containsExactlyInAnyOrderElementsOf(newBlobs(repo, documented, "main"));
  }

  @Test
  void aRepeatScanReadsOnlyWhatIsNewOrHeldAMatch() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    Path cache = temp.resolve("cache");
    HistoryScope recorded = new HistoryScope(false, null, "key-1", new CacheFolder(cache));
    HistoryScan first = HistoryScan.of(repo, recorded);
    Path record =
        RepositoryCache.of(cache, repo.resolve(".git")).dir().resolve(ScanRecord.FILE_NAME);
    assertThat(record).isRegularFile();
    assertThat(repo.resolve(".git/rekey")).as("nothing is kept in the repository").doesNotExist();

    HistoryScan second = HistoryScan.of(repo, recorded);
    assertThat(second.findings()).isEqualTo(first.findings());
    assertThat(second.pushed().size())
        .as("only the LFS pointer is read again")
        .isEqualTo(1)
        .isLessThan(first.pushed().size());
    assertThat(second.kept())
        .as("the 8 blobs that held a match are reported from what the first scan kept")
        .hasSize(8);

    Files.writeString(repo.resolve("new.txt"), "a new file\n");
    GitFixture.git(repo, "add", "new.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "New file");
    HistoryScan third = HistoryScan.of(repo, recorded);
    assertThat(third.pushed().size()).isEqualTo(second.pushed().size() + 1);

    HistoryScan otherRules =
        HistoryScan.of(repo, new HistoryScope(false, null, "key-2", new CacheFolder(cache)));
    assertThat(otherRules.pushed().size()).isEqualTo(first.pushed().size() + 1);
  }

  @Test
  void aPrePushRangeFromTheNullIdCoversWhatNoRemoteTrackingBranchHas() throws Exception {
    Path origin = GitFixture.build("history", temp.resolve("origin"));
    GitFixture.git(temp, "clone", "-q", origin.toString(), "clone");
    Path clone = temp.resolve("clone");
    GitFixture.git(clone, "checkout", "-q", "-b", "topic");
    Files.writeString(
        clone.resolve("token.txt"), "GITHUB_TOKEN=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\n");
    GitFixture.git(clone, "add", "token.txt");
    GitFixture.git(clone, "commit", "-q", "-m", "Add token");
    String zero = "0".repeat(40);
    HistoryScan created = HistoryScan.of(clone, new HistoryScope(false, zero + "..topic", null));
    assertThat(created.findings())
        .extracting(f -> f.split(" ")[0] + " " + f.split(" ")[1])
        .containsExactly("github.personal-access-token token.txt:1:14");
    HistoryScan deleted = HistoryScan.of(clone, new HistoryScope(false, "topic.." + zero, null));
    assertThat(deleted.findings()).isEmpty();
    assertThat(deleted.pushed()).isEmpty();
  }

  /** Blobs in {@code to}'s history that {@code from}'s tree does not hold. */
  private static List<String> newBlobs(Path repo, String from, String to) throws Exception {
    List<String> known = GitFixture.blobs(repo, from + "^{tree}");
    List<String> all = GitFixture.blobs(repo, from + ".." + to);
    return all.stream().filter(id -> !known.contains(id)).distinct().toList();
  }
}
