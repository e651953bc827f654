package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, items 2 and 3: files in a scanned repository are hostile. No link leads a read or a
 * write out of the scanned folder, and nothing but a regular file is opened.
 */
class HostileFilesTest {
  /** The user's own token, outside every scanned folder: never to be read or reported. */
  private static final String USERS_TOKEN = "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";

  private static final String FIXTURE_KEY =
      "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";

  @TempDir Path temp;

  private Path outside() throws Exception {
    Path home = Files.createDirectories(temp.resolve("home/.config/gh"));
    Files.writeString(
        home.resolve("hosts.yml"), "github.com:\n  oauth_token: " + USERS_TOKEN + "\n");
    return home;
  }

  @Test
  void aSourceMapLinkedOutOfTheFolderIsNotRead() throws Exception {
    Path gh = outside();
    Path app = Files.createDirectories(temp.resolve("app/dist"));
    Files.writeString(app.resolve("index.html"), "<script src=\"app.js\"></script>\n");
    Files.writeString(app.resolve("app.js"), "console.log(1);\n//# sourceMappingURL=app.js.map\n");
    Files.createSymbolicLink(app.resolve("app.js.map"), gh.resolve("hosts.yml"));
    Files.writeString(
        app.resolve("other.js"), "console.log(2);\n//# sourceMappingURL=maps/hosts.yml\n");
    Files.createSymbolicLink(app.resolve("maps"), gh);

    Cli run = Cli.run("scan", temp.resolve("app").toString(), "--format", "json", "--verify");

    assertThat(run.out() + run.err()).doesNotContain(USERS_TOKEN).doesNotContain("ghp_0hmz");
    assertThat(run.out())
        .contains("a symbolic link to outside the scanned folder: not read")
        .contains("reached through a link to outside the scanned folder: not read");
  }

  @Test
  void aFifoInAWorkingTreeIsSkippedWithANoteInsteadOfHangingTheScan() throws Exception {
    GitRepo repo = new GitRepo(temp.resolve("repo"), Map.of());
    repo.write("config.txt", "STRIPE_KEY=" + FIXTURE_KEY + "\n").write("pipe.txt", "tracked\n");
    repo.ok("add", ".");
    repo.ok("commit", "-q", "-m", "Add config");
    Files.delete(repo.dir.resolve("pipe.txt"));
    mkfifo(repo.dir.resolve("pipe.txt"));
    mkfifo(repo.dir.resolve("untracked-pipe"));

    Cli run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(120),
            () -> Cli.run("scan", repo.dir.toString(), "--format", "json", "--no-history"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"pipe.txt\"")
        .contains("\"untracked-pipe\"")
        .contains("a special file (FIFO, device or socket): not read");
  }

  /** A FIFO named as the scan's target is refused as what it is, not opened. */
  @Test
  void aFifoGivenAsTheTargetIsAnErrorNamingWhatItIs() throws Exception {
    Path pipe = temp.resolve("pipe.env");
    mkfifo(pipe);

    Cli run =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("scan", pipe.toString()));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(pipe + ": not a regular file or folder (a FIFO, device or socket)");
  }

  @Test
  void aBaselineLinkedOutOfTheRepositoryIsNeitherReadNorWritten() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("plain"));
    Files.writeString(repo.resolve("config.txt"), "STRIPE_KEY=" + FIXTURE_KEY + "\n");
    Cli first = Cli.run("baseline", repo.toString(), "-o", temp.resolve("hiding.json").toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path bashrc = Files.move(temp.resolve("hiding.json"), temp.resolve("bashrc"));
    String before = Files.readString(bashrc);
    Files.createSymbolicLink(repo.resolve(".rekey-baseline.json"), bashrc);

    Cli scan = Cli.run("scan", repo.toString());
    Cli update = Cli.run("scan", repo.toString(), "--update-baseline");

    assertThat(scan.exitCode()).isEqualTo(2);
    assertThat(scan.out()).as("nothing hidden by a baseline it may not read").contains("stripe");
    assertThat(scan.err())
        .contains("baseline not applied, every finding is reported")
        .contains("a symbolic link to outside the scanned folder");
    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(update.err()).contains("the baseline was not updated");
    assertThat(Files.readString(bashrc)).isEqualTo(before);
    assertThat(Files.isSymbolicLink(repo.resolve(".rekey-baseline.json"))).isTrue();
  }

  @Test
  void aReportReplacesALinkAndIsPrivateWhenItHoldsSecrets() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("plain"));
    Files.writeString(repo.resolve("config.txt"), "STRIPE_KEY=" + FIXTURE_KEY + "\n");
    Path target = Files.writeString(temp.resolve("authorized_keys"), "ssh-ed25519 AAAA\n");
    Path report = Files.createSymbolicLink(repo.resolve("rekey.json"), target);

    Cli run =
        Cli.run(
            "scan", repo.toString(), "--format", "json", "--show-secrets", "-o", report.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(Files.readString(target)).isEqualTo("ssh-ed25519 AAAA\n");
    assertThat(Files.isSymbolicLink(report)).isFalse();
    assertThat(Files.readString(report)).contains(FIXTURE_KEY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
        .isEqualTo("rw-------");
  }

  static void mkfifo(Path path) throws Exception {
    Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }
}
