package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 9: paths, author names and configuration keys from a scanned repository print as
 * visible escapes in every human-readable format, never as raw control characters.
 */
class InertOutputTest {
  private static final String STRIPE =
      "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";
  private static final String TITLE = "\u001b]0;pwned\u0007";
  private static final String CLEAR = "\u001b[2J";

  @TempDir java.nio.file.Path temp;

  @Test
  void nothingFromTheRepositoryDrivesTheTerminal() throws Exception {
    GitRepo repo =
        new GitRepo(
            temp.resolve("repo"),
            Map.of("GIT_AUTHOR_NAME", "Mallory" + CLEAR, "GIT_COMMITTER_NAME", "Mallory"));
    repo.write("config" + TITLE + ".env", "STRIPE_KEY=" + STRIPE + "\n");
    repo.write(".rekey.toml", "[providers.\"evil\\u001B[2J\"]\nurl = \"https://x.test\"\n");
    repo.ok("add", ".");
    repo.ok("commit", "-q", "-m", "Add config");

    for (String format : List.of("text", "csv", "junit", "json", "jsonl", "sarif")) {
      Cli run = Cli.run("scan", repo.dir.toString(), "--format", format);
      assertThat(run.exitCode()).as(format + ": " + run.err()).isEqualTo(1);
      assertThat(run.out() + run.err())
          .as(format)
          .doesNotContain("\u001b")
          .doesNotContain("\u0007")
          .contains("pwned");
    }
    Cli text = Cli.run("scan", repo.dir.toString());
    assertThat(text.out()).contains("config\\x1b]0;pwned\\x07.env").contains("Mallory\\x1b[2J");
    assertThat(text.err()).contains("[providers.evil\\x1b[2J] ignored");
  }

  @Test
  void aRotationPlanIsInertToo() throws Exception {
    java.nio.file.Path dir = Files.createDirectories(temp.resolve("plain"));
    Files.writeString(dir.resolve("app" + CLEAR + ".env"), "STRIPE_KEY=" + STRIPE + "\n");
    Cli run = Cli.run("rotate", dir.toString(), "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("\u001b").contains("app\\x1b[2J.env");
  }
}
