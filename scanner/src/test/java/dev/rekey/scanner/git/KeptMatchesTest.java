package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.pipeline.BlobMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A repeat scan takes the matches of the blobs that held some from what the last scan kept instead
 * of reading those blobs again, and reports exactly what a scan reading everything afresh reports:
 * every finding with its secret, severity, facts, and every location with its line, column and
 * excerpt — after new commits, rebases, deleted refs and repacks. Under other rules or settings, or
 * when the kept file is damaged, the blobs are read again.
 */
class KeptMatchesTest extends CachedHistoryTest {
  @BeforeEach
  void firstScan() throws Exception {
    HistoryScan first = cached("key");
    assertThat(first.kept()).as("nothing kept before the first scan").isEmpty();
    assertThat(kept()).isRegularFile();
  }

  @Test
  void aRepeatReadsNoBlobThatHeldAMatch() throws Exception {
    HistoryScan repeat = assertRepeatedAsFresh();
    assertThat(repeat.kept()).isNotEmpty().doesNotContainAnyElementsOf(repeat.pushed().keySet());
    assertThat(repeat.pushed()).as("only the LFS pointer is read again").hasSize(1);
  }

  @Test
  void newCommitsRebasesDeletedRefsAndRepacks() throws Exception {
    Files.writeString(repo.resolve("deploy.txt"), TOKEN);
    GitFixture.git(repo, "add", "deploy.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "Add deploy token");
    assertRepeatedAsFresh();
    assertThat(assertRepeatedAsFresh().kept())
        .as("the new commit's blob is kept once read")
        .contains(GitFixture.git(repo, "rev-parse", "HEAD:deploy.txt").strip());
    GitFixture.git(repo, "checkout", "-q", "-b", "topic", "HEAD~3");
    Files.writeString(repo.resolve("copy.txt"), TOKEN);
    GitFixture.git(repo, "add", "copy.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "The token again, elsewhere");
    GitFixture.git(repo, "checkout", "-q", "main");
    assertRepeatedAsFresh();
    GitFixture.git(repo, "reset", "-q", "--hard", "HEAD~1");
    GitFixture.git(repo, "commit", "-q", "--amend", "-m", "Reworded");
    assertRepeatedAsFresh();
    GitFixture.git(repo, "branch", "-q", "-D", "topic");
    assertRepeatedAsFresh();
    GitFixture.git(repo, "gc", "-q", "--prune=now");
    assertRepeatedAsFresh();
  }

  @Test
  void otherRulesOrSettingsReadTheBlobsAgain() throws Exception {
    HistoryScan other = cached("other-key");
    assertThat(other.kept()).isEmpty();
    assertThat(findings(other)).isEqualTo(findings(fresh()));
    assertThat(cached("other-key").kept()).as("kept anew under the new key").isNotEmpty();
  }

  @Test
  void aDamagedFileIsIgnoredAndWrittenAgain() throws Exception {
    byte[] bytes = Files.readAllBytes(kept());
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(kept(), bytes);
    HistoryScan damaged = cached("key");
    assertThat(damaged.kept()).isEmpty();
    assertThat(findings(damaged)).isEqualTo(findings(fresh()));
    assertThat(assertRepeatedAsFresh().kept()).isNotEmpty();
  }

  @Test
  void aBlobIsTakenOnlyAtThePathItWasScannedAsAndWithRulesStillKnown() throws Exception {
    String gitDir = repo.resolve(".git").toRealPath().toString();
    Map<String, dev.rekey.detectors.Rule> rules = new java.util.HashMap<>();
    RuleCatalog.builtIn().forEach(rule -> rules.put(rule.id(), rule));
    KeptMatches all = KeptMatches.read(kept(), "key", gitDir, rules::get);
    KeptMatches wrongKey = KeptMatches.read(kept(), "other", gitDir, rules::get);
    KeptMatches noRules = KeptMatches.read(kept(), "key", gitDir, id -> null);
    String stripe = GitFixture.git(repo, "rev-parse", "HEAD:src/stripe.js").strip();
    ObjectId blob = ObjectId.fromString(stripe);
    List<BlobMatch> matches = Objects.requireNonNull(all.of(blob, "src/stripe.js"));
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).match().secret().reveal()).startsWith("sk_");
    assertThat(all.of(blob, "elsewhere/stripe.js")).isNull();
    assertThat(wrongKey.of(blob, "src/stripe.js")).isNull();
    assertThat(noRules.of(blob, "src/stripe.js")).isNull();
  }

  private Path kept() throws Exception {
    return kept(KeptMatches.FILE_NAME);
  }

  /** A repeat reports what a fresh scan does, in every detail, twice; returns the second. */
  private HistoryScan assertRepeatedAsFresh() throws Exception {
    List<String> fresh = findings(fresh());
    assertThat(findings(cached("key"))).isEqualTo(fresh);
    HistoryScan again = cached("key");
    assertThat(findings(again)).as("and again").isEqualTo(fresh);
    return again;
  }

  /** Every finding in every detail a report shows. */
  private static List<String> findings(HistoryScan scan) {
    assertThat(scan.errors()).isEmpty();
    return scan.result().findings().stream().map(KeptMatchesTest::describe).sorted().toList();
  }

  private static String describe(Finding finding) {
    StringBuilder text =
        new StringBuilder(finding.rule().id())
            .append(' ')
            .append(finding.secret().reveal())
            .append(' ')
            .append(finding.secret().redacted())
            .append(' ')
            .append(finding.severity())
            .append(' ')
            .append(new java.util.TreeMap<>(finding.facts()));
    GitSpread spread = finding.spread();
    if (spread != null) { // its commits as a count: numbered differently by a repeat
      text.append(' ')
          .append(spread.commitCount())
          .append(spread.refs())
          .append(spread.defaultBranch())
          .append(spread.atDefaultTip())
          .append(spread.leftDefaultTip());
    }
    for (Location location : finding.locations()) {
      text.append(" | ").append(location);
    }
    return text.toString();
  }
}
