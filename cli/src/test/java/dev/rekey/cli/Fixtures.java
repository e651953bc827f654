package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds fixture repositories from {@code test-repos/} into temporary folders. */
final class Fixtures {
  private Fixtures() {}

  /** The repository root, as passed by Maven (or found from the working directory). */
  static Path repoRoot() {
    String configured = System.getProperty("rekey.repoRoot");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("test-repos"))) {
        return dir;
      }
    }
    throw new IllegalStateException("test-repos/ not found above " + start);
  }

  static Path testRepos() {
    return repoRoot().resolve("test-repos");
  }

  /** Runs {@code test-repos/NAME/build.sh} into {@code target} and returns {@code target}. */
  static Path build(String name, Path target) throws IOException, InterruptedException {
    return build(name, target, Duration.ofMinutes(2));
  }

  /**
   * Runs {@code test-repos/NAME/build.sh TARGET ARGS…}, failing with its output if it fails or
   * takes longer than {@code timeout}, and returns {@code target}.
   */
  static Path build(String name, Path target, Duration timeout, String... args)
      throws IOException, InterruptedException {
    Path script = testRepos().resolve(name).resolve("build.sh");
    List<String> command = new ArrayList<>(List.of("bash", script.toString(), target.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("fixture-" + name, ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
      if (!done) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(done).as("build of fixture %s within %s:%n%s", name, timeout, output).isTrue();
      assertThat(process.exitValue()).as("build of fixture %s:%n%s", name, output).isZero();
    } finally {
      Files.deleteIfExists(log);
    }
    return target;
  }
}
