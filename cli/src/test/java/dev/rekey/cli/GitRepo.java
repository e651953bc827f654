package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real repository in a temporary folder, driven through the git CLI as a user would. */
final class GitRepo {
  final Path dir;
  private final Map<String, String> env;

  GitRepo(Path dir, Map<String, String> env) throws Exception {
    this.dir = dir;
    this.env = env;
    Files.createDirectories(dir);
    ok("init", "-q", "-b", "main", ".");
    ok("config", "user.name", "Ada Fixture");
    ok("config", "user.email", "ada@fixture.test");
    ok("config", "commit.gpgsign", "false");
  }

  /** What a git command printed (stdout and stderr together) and its exit code. */
  record Run(int exitCode, String output) {}

  GitRepo write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  Run git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  String ok(String... args) throws Exception {
    Run run = git(args);
    assertThat(run.exitCode()).as("git %s:%n%s", String.join(" ", args), run.output()).isZero();
    return run.output();
  }
}
