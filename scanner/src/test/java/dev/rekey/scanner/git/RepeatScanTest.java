package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A repeat scan that starts from the last scan's summary instead of listing the history again
 * reports exactly what a scan listing every commit afresh reports — every place, every spread —
 * after new commits and branches, deleted refs and repacks; and it gives way to a full listing
 * after a rebase, the loss of commits, or damage to what it keeps. Whether it started from the
 * summary shows in the kept commits ({@code history-commits}), which only a full listing rewrites.
 */
class RepeatScanTest extends CachedHistoryTest {
  @BeforeEach
  void firstScan() throws Exception {
    cached();
  }

  @Test
  void aRepeatWithNothingNewStartsFromTheSummary() throws Exception {
    assertRepeatedAsFresh(true);
  }

  @Test
  void aNewCommitIsAddedToTheSummary() throws Exception {
    Files.writeString(repo.resolve("deploy.txt"), TOKEN);
    GitFixture.git(repo, "add", "deploy.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "Add deploy token");
    assertRepeatedAsFresh(true);
    Files.writeString(repo.resolve("more.txt"), "nothing here\n");
    GitFixture.git(repo, "add", "more.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "More");
    assertRepeatedAsFresh(true);
  }

  @Test
  void aSecretTakenOffTheDefaultBranchAfterTheSummary() throws Exception {
    GitFixture.git(repo, "rm", "-q", "src/stripe.js");
    GitFixture.git(repo, "commit", "-q", "-m", "Remove the stripe client");
    assertRepeatedAsFresh(true);
    Files.writeString(repo.resolve("more.txt"), "nothing here\n");
    GitFixture.git(repo, "add", "more.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "More");
    assertRepeatedAsFresh(true);
    GitFixture.git(repo, "branch", "-q", "later");
    GitFixture.git(repo, "reset", "-q", "--hard", "HEAD~3");
    assertRepeatedAsFresh(true);
  }

  @Test
  void aNewBranchBringingKnownSecretsToNewPlaces() throws Exception {
    GitFixture.git(repo, "checkout", "-q", "-b", "topic", "HEAD~3");
    GitFixture.git(repo, "checkout", "-q", "main", "--", "src/stripe.js", "scripts/billing.sh");
    Files.copy(repo.resolve("src/stripe.js"), repo.resolve("copy.js"));
    GitFixture.git(repo, "add", "copy.js");
    GitFixture.git(repo, "commit", "-q", "-m", "Bring main's files");
    GitFixture.git(repo, "checkout", "-q", "main");
    assertRepeatedAsFresh(true);
    GitFixture.git(repo, "merge", "-q", "--no-ff", "-m", "Merge topic", "topic");
    assertRepeatedAsFresh(true);
  }

  @Test
  void deletedRefsStartFromTheSummaryOnlyWhileTheirCommitsStayReachable() throws Exception {
    GitFixture.git(repo, "tag", "old-main", "HEAD~2");
    cached();
    GitFixture.git(repo, "tag", "-d", "old-main");
    assertRepeatedAsFresh(true);
    GitFixture.git(repo, "branch", "-q", "-D", "feature/payments");
    assertRepeatedAsFresh(false);
  }

  /**
   * A forge's history: thousands of pull-request refs at commits all over it. The summary keeps the
   * refs reaching a secret once per distinct set, so it grows by the refs' names, not by refs times
   * secrets; repeats (new refs, a new commit) report what a fresh listing does.
   */
  @Test
  void thousandsOfPullRequestRefsAreKeptOncePerDistinctReach() throws Exception {
    long before = Files.size(kept(ListingSummary.SUMMARY));
    List<String> commits = GitFixture.git(repo, "rev-list", "--all").lines().toList();
    StringBuilder refs = new StringBuilder();
    int pulls = 5000; // sets of more than 64 words of tips
    for (int i = 0; i < pulls; i++) {
      refs.append("create refs/pull/")
          .append(i)
          .append("/head ")
          .append(commits.get(i % commits.size()))
          .append('\n');
    }
    Path input = temp.resolve("refs.txt");
    Files.writeString(input, refs);
    Process update =
        new ProcessBuilder("git", "update-ref", "--stdin")
            .directory(repo.toFile())
            .redirectInput(input.toFile())
            .start();
    assertThat(update.waitFor()).isZero();
    assertRepeatedAsFresh(true);
    Files.delete(kept(ListingSummary.SUMMARY));
    assertRepeatedAsFresh(false);
    long names = (long) pulls * ("refs/pull/0000/head".length() + 2 * 20 + 13);
    int targets = cached().result().findings().size();
    // the tips' names and ids, and a few sets of tips: not a set of 3000 bits per secret
    assertThat(Files.size(kept(ListingSummary.SUMMARY)) - before)
        .isLessThan(names + 8L * pulls / 8)
        .isLessThan(names + (long) targets * pulls / 8);
    Files.writeString(repo.resolve("more.txt"), "nothing here\n");
    GitFixture.git(repo, "add", "more.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "More");
    assertRepeatedAsFresh(true);
  }

  @Test
  void aRebaseIsListedAfresh() throws Exception {
    GitFixture.git(repo, "stash", "drop", "-q");
    assertRepeatedAsFresh(false);
    GitFixture.git(repo, "reset", "-q", "--hard", "HEAD~1");
    GitFixture.git(repo, "commit", "-q", "--amend", "-m", "Reworded");
    assertRepeatedAsFresh(false);
  }

  @Test
  void aRepackChangesNothing() throws Exception {
    GitFixture.git(repo, "gc", "-q", "--prune=now");
    assertRepeatedAsFresh(true);
  }

  @Test
  void aDamagedSummaryOrCommitListIsIgnored() throws Exception {
    for (String name : List.of(ListingSummary.SUMMARY, ListingSummary.COMMITS)) {
      Path file = kept(name);
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 0x55;
      Files.write(file, bytes);
      assertRepeatedAsFresh(false);
    }
    Files.write(kept(ListingSummary.SUMMARY), new byte[0]);
    assertRepeatedAsFresh(false);
  }

  @Test
  void theSummaryNumbersEachTipsCommitAndAWrongNumberIsNotTaken() throws Exception {
    Files.writeString(repo.resolve("more.txt"), "nothing here\n");
    GitFixture.git(repo, "add", "more.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "More");
    GitFixture.git(repo, "tag", "-a", "-m", "Release", "v9");
    assertRepeatedAsFresh(true); // the summary now also numbers a new commit and a new tag's
    String gitDir = repo.resolve(".git").toRealPath().toString();
    HistorySummary summary =
        Objects.requireNonNull(HistorySummary.read(kept(ListingSummary.SUMMARY), "key", gitDir));
    KnownCommits known =
        Objects.requireNonNull(KnownCommits.read(kept(ListingSummary.COMMITS), gitDir));
    SeenCommits looked = new SeenCommits(known, summary.extra());
    List<HistorySummary.Tip> tips = summary.tips();
    assertThat(summary.tipNumbers()).hasSize(tips.size());
    for (int i = 0; i < tips.size(); i++) {
      HistorySummary.Tip tip = tips.get(i);
      assertThat(summary.tipNumbers()[i])
          .as(tip.name())
          .isEqualTo(tip.type() == Constants.OBJ_COMMIT ? looked.number(tip.object()) : -1);
      SeenCommits seen = new SeenCommits(known, summary.extra());
      int number = looked.number(tip.object());
      seen.remember(tip.object(), number == 0 ? 1 : 0); // another commit's number
      seen.remember(tip.object(), looked.size()); // no commit's
      assertThat(seen.number(tip.object())).isEqualTo(number);
    }
  }

  /** A repeat reports what a fresh listing does, starting from the summary or not, twice. */
  private void assertRepeatedAsFresh(boolean fromSummary) throws Exception {
    byte[] before = Files.readAllBytes(kept(ListingSummary.COMMITS));
    List<String> fresh = ListingCacheTest.full(fresh());
    assertThat(ListingCacheTest.full(cached())).isEqualTo(fresh);
    assertThat(Arrays.equals(before, Files.readAllBytes(kept(ListingSummary.COMMITS))))
        .as(fromSummary ? "started from the summary" : "listed afresh")
        .isEqualTo(fromSummary);
    assertThat(ListingCacheTest.full(cached())).as("and again").isEqualTo(fresh);
  }
}
