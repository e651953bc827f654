package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history source on the {@code history} fixture: coverage, each blob once, provenance. */
class HistorySourceTest {
  private static final String FIRST_COMMIT = "aca449ff3be529bb1d3b26523f05face1d5eec8c";
  private static final String STRIPE_ADDED = "cbf3ab63fbdb68693641bd50ad72bb6f4e9591fd";
  private static final String SETTINGS_ADDED = "1326d3bfa72f00800964d11f96d51bd26741be48";
  private static final String SETTINGS_RENAMED = "0d37c38d9246b2e748bca929fabb72755271154f";

  @TempDir static Path temp;
  static Path repo;

  @BeforeAll
  static void buildFixture() throws Exception {
    repo = GitFixture.build("history", temp.resolve("history"));
  }

  @Test
  void everyBlobReachableFromAnyRefIsPushedExactlyOnce() throws Exception {
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.pushed().values()).containsOnly(1);
    assertThat(scan.pushed().keySet())
        .containsExactlyInAnyOrderElementsOf(GitFixture.blobs(repo, "--all"));
    assertThat(scan.errors()).isEmpty();
  }

  @Test
  void theSameFindingsAndPlacesOnOneThreadAsOnMany() throws Exception {
    HistoryScan one =
        HistoryScan.of(repo, HistoryScope.FULL, ScanSettings.defaults().withThreads(1));
    HistoryScan many =
        HistoryScan.of(repo, HistoryScope.FULL, ScanSettings.defaults().withThreads(4));
    assertThat(many.result().findings()).isEqualTo(one.result().findings());
    assertThat(many.result().problems())
        .containsExactlyInAnyOrderElementsOf(one.result().problems());
    assertThat(many.pushed()).isEqualTo(one.pushed());
  }

  @Test
  void allObjectsAlsoPushesWhatNoRefReaches() throws Exception {
    HistoryScan scan = HistoryScan.of(repo, new HistoryScope(true, null, null));
    assertThat(scan.pushed().values()).containsOnly(1);
    assertThat(scan.pushed().keySet())
        .containsExactlyInAnyOrderElementsOf(GitFixture.allBlobs(repo));
    assertThat(scan.findings())
        .anyMatch(f -> f.startsWith("stripe.restricted-key billing.env:1:12 history 9a2d84a9"))
        .anyMatch(f -> f.startsWith("github.app-user-token null:1:7 unreachable -"));
  }

  @Test
  void aSecretAddedThenDeletedIsReportedAtTheCommitThatIntroducedIt() throws Exception {
    Finding stripe = finding(HistoryScan.of(repo, HistoryScope.FULL), "stripe.secret-key");
    assertThat(stripe.primary().provenance().path()).isEqualTo(".env");
    assertThat(commit(stripe.primary()).id()).isEqualTo(STRIPE_ADDED);
    assertThat(commit(stripe.primary()).author()).isEqualTo("Bob Leaker");
    assertThat(commit(stripe.primary()).email()).isEqualTo("bob@fixture.test");
    assertThat(stripe.locations())
        .extracting(l -> l.provenance().path())
        .containsExactly(".env", "scripts/billing.sh");
    GitSpread spread = spread(stripe);
    assertThat(spread.defaultBranch()).isEqualTo("main");
    assertThat(spread.atDefaultTip()).as("re-added in scripts/billing.sh").isTrue();
    assertThat(spread.leftDefaultTip()).as("its removal undone").isNull();
    assertThat(spread.refs()).contains("refs/heads/main", "refs/tags/release-candidate");
  }

  @Test
  void aRenamedFileIsReportedAtItsFirstPathAndItsNewOne() throws Exception {
    Finding token = finding(HistoryScan.of(repo, HistoryScope.FULL), "github.fine-grained-token");
    assertThat(token.locations())
        .extracting(l -> l.provenance().path() + "@" + commit(l).id())
        .containsExactly(
            "config/old_settings.py@" + SETTINGS_ADDED, "config/settings.py@" + SETTINGS_RENAMED);
  }

  @Test
  void aSecretOnASideBranchOrATagOnlyNamesThatRefAndIsNotAtTheTip() throws Exception {
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    GitSpread openai = spread(finding(scan, "openai.api-key"));
    assertThat(openai.refs()).containsExactly("refs/heads/feature/payments");
    assertThat(openai.atDefaultTip()).isFalse();
    assertThat(openai.commitCount()).isEqualTo(1);
    assertThat(spread(finding(scan, "aws.access-key")).refs())
        .containsExactly("refs/tags/release-candidate");
    assertThat(spread(finding(scan, "openai.service-account-key")).refs())
        .containsExactly("refs/stash");
    assertThat(finding(scan, "github.app-installation-token").primary().provenance().path())
        .as("a note is stored under the id of the commit it annotates")
        .isEqualTo(FIRST_COMMIT);
  }

  @Test
  void commitAndTagMessagesAreScanned() throws Exception {
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.findings())
        .contains(
            "github.personal-access-token null:3:17 commit-message"
                + " 49f2475e24c98a6064137d73494a79979d4bd846",
            "anthropic.api-key null:3:19 commit-message 123fbcc23ffee9033841695b19c6579a96300454");
  }

  @Test
  void lfsPointersAndSubmodulesAreNotedNotFollowed() throws Exception {
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.result().problems())
        .anyMatch(p -> p.where().equals("assets/logo.psd") && p.message().contains("LFS pointer"))
        .anyMatch(p -> p.where().equals("vendor/lib") && p.message().contains("submodule"))
        .anyMatch(p -> p.where().equals("assets/logo.png") && p.message().contains("binary"));
  }

  static Finding finding(HistoryScan scan, String rule) {
    return scan.result().findings().stream()
        .filter(f -> f.rule().id().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule + " not found in " + scan.findings()));
  }

  static GitSpread spread(Finding finding) {
    return Objects.requireNonNull(finding.spread(), "no history spread");
  }

  static CommitInfo commit(Location location) {
    return Objects.requireNonNull(location.provenance().commit(), "no commit");
  }
}
