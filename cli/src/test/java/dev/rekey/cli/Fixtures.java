package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path script = testRepos().resolve(name).resolve("build.sh");
    Process process =
        new ProcessBuilder("bash", script.toString(), target.toString())
            .redirectErrorStream(true)
            .start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("build of fixture %s:%n%s", name, output).isZero();
    return target;
  }
}
