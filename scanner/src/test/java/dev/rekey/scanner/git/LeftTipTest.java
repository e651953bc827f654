package dev.rekey.scanner.git;

import static dev.rekey.scanner.git.HistorySourceTest.finding;
import static dev.rekey.scanner.git.HistorySourceTest.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.GitSpread;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the default branch let go of a secret, on the {@code report-injection} fixture: its last
 * commit on main deletes the file holding the GitHub token. Both listings answer it: the indexed
 * one (a whole history) and the walked one ({@code --all-objects}).
 */
class LeftTipTest {
  @TempDir static Path temp;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aSecretRemovedFromTheDefaultBranchNamesTheCommitThatRemovedIt(boolean allObjects)
      throws Exception {
    Path repo =
        GitFixture.build("report-injection", temp.resolve("report-injection-" + allObjects));
    HistoryScan scan = HistoryScan.of(repo, new HistoryScope(allObjects, null, null, null));
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
