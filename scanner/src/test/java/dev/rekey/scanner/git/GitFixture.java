package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds fixture repositories from {@code test-repos/} and runs git in them. */
final class GitFixture {
  private GitFixture() {}

  static Path testRepos() {
    String configured = System.getProperty("rekey.repoRoot");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("test-repos"))) {
        return dir.resolve("test-repos");
      }
    }
    throw new IllegalStateException("test-repos/ not found above " + start);
  }

  /** Runs {@code test-repos/NAME/build.sh} into {@code target}. */
  static Path build(String name, Path target) throws IOException, InterruptedException {
    Path parent = target.toAbsolutePath().getParent();
    run(
        List.of(
            "bash", testRepos().resolve(name).resolve("build.sh").toString(), target.toString()),
        parent == null ? Path.of("/") : parent);
    return target;
  }

  /** Runs git in {@code dir}, with the fixtures' fixed identity; returns its standard output. */
  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(Arrays.asList(args));
    return run(command, dir);
  }

  private static String run(List<String> command, Path dir)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_AUTHOR_NAME", "Ada Fixture");
    env.put("GIT_AUTHOR_EMAIL", "ada@fixture.test");
    env.put("GIT_COMMITTER_NAME", "Ada Fixture");
    env.put("GIT_COMMITTER_EMAIL", "ada@fixture.test");
    Path err = Files.createTempFile("git-err", ".txt");
    try {
      Process process = builder.redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("%s failed:%n%s", command, Files.readString(err)).isZero();
      return out;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** The ids of the blobs {@code git rev-list} lists for {@code revisions}. */
  static List<String> blobs(Path repo, String... revisions) throws Exception {
    List<String> args = new ArrayList<>(List.of("rev-list", "--objects"));
    args.addAll(Arrays.asList(revisions));
    List<String> objects =
        git(repo, args.toArray(String[]::new)).lines().map(l -> l.split(" ")[0]).toList();
    Path list = Files.createTempFile("objects", ".txt");
    try {
      Files.write(list, objects);
      return typed(repo, "--batch-check=%(objecttype) %(objectname)", list);
    } finally {
      Files.deleteIfExists(list);
    }
  }

  /** Every blob in the object database, reachable or not. */
  static List<String> allBlobs(Path repo) throws Exception {
    return git(repo, "cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)")
        .lines()
        .filter(l -> l.startsWith("blob "))
        .map(l -> l.substring(5))
        .toList();
  }

  private static List<String> typed(Path repo, String format, Path input) throws Exception {
    Process process =
        new ProcessBuilder("git", "cat-file", format)
            .directory(repo.toFile())
            .redirectInput(input.toFile())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(l -> l.startsWith("blob ")).map(l -> l.substring(5)).toList();
  }
}
