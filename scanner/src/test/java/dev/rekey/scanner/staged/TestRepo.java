package dev.rekey.scanner.staged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.git.GitProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real git repository in a temporary folder, driven through the git CLI. */
final class TestRepo {
  final Path dir;
  private final GitProcess git;

  TestRepo(Path dir) throws IOException {
    this.dir = dir;
    this.git = new GitProcess(dir);
    git("init", "-q", "-b", "main", ".");
    git("config", "user.name", "Ada Fixture");
    git("config", "user.email", "ada@fixture.test");
    git("config", "commit.gpgsign", "false");
    git("config", "core.autocrlf", "false");
  }

  TestRepo write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  String git(String... args) throws IOException {
    GitProcess.Output out = git.run(args);
    assertThat(out.exitCode()).as("git %s: %s", String.join(" ", args), out.stderr()).isZero();
    return out.text();
  }

  void commit(String message) throws IOException {
    git("add", "-A");
    git("commit", "-q", "--no-verify", "-m", message);
  }
}
