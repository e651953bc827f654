package dev.rekey.scanner.git;

import static dev.rekey.scanner.git.HistorySourceTest.finding;
import static dev.rekey.scanner.git.HistorySourceTest.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.GitSpread;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the default branch let go of a secret, on the {@code report-injection} fixture: its last
 * commit on main deletes the file holding the GitHub token.
 */
class LeftTipTest {
  @TempDir static Path temp;

  @Test
  void aSecretRemovedFromTheDefaultBranchNamesTheCommitThatRemovedIt() throws Exception {
    Path repo = GitFixture.build("report-injection", temp.resolve("report-injection"));
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    String removal = GitFixture.git(repo, "rev-parse", "main").trim();
    GitSpread token = spread(finding(scan, "github.personal-access-token"));
    assertThat(token.atDefaultTip()).isFalse();
    assertThat(token.leftDefaultTip())
        .extracting(CommitInfo::id, CommitInfo::date)
        .containsExactly(removal, Instant.parse("2024-01-06T00:00:00Z"));
    assertThat(spread(finding(scan, "stripe.secret-key")).leftDefaultTip())
        .as("still at the tip")
        .isNull();
    assertThat(spread(finding(scan, "openai.api-key")).leftDefaultTip())
        .as("only ever on a side branch")
        .isNull();
  }
}
