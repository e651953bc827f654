package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture scanned every way — matching every byte of every blob, proving blobs built from
 * deltas keyword-free (the default), matching each distinct line once — gives exactly the same
 * report, with its objects loose and after {@code git gc} has packed them into deltas: these only
 * change how fast findings come.
 */
class MatchingShortcutsFixtureTest {
  @TempDir Path temp;

  static Stream<String> fixtures() throws IOException {
    return FixtureRepositoryTest.fixtures();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shortcutsChangeNothingInTheReport(String name) throws Exception {
    Path repo = Fixtures.build(name, temp.resolve(name));
    List<String> args =
        new ArrayList<>(List.of("scan", repo.toString(), "--format", "jsonl", "--no-cache"));
    Path extra = Fixtures.testRepos().resolve(name).resolve("args");
    if (Files.exists(extra)) {
      Files.readAllLines(extra).stream().filter(l -> !l.isBlank()).forEach(args::add);
    }
    String expected = scan(args, "--no-delta-proof");
    assertThat(expected).isNotBlank();
    assertThat(scan(args)).isEqualTo(expected);
    gc(repo);
    assertThat(scan(args, "--no-delta-proof")).isEqualTo(expected);
    assertThat(scan(args)).isEqualTo(expected);
  }

  private static String scan(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return Cli.run(all.toArray(String[]::new)).out();
  }

  /** Packs the repository aggressively, so its blobs become delta chains. */
  private static void gc(Path repo) throws Exception {
    Process process =
        new ProcessBuilder(
                "git",
                "-c",
                "gc.reflogExpire=never",
                "repack",
                "-a",
                "-d",
                "-f",
                "--window=250",
                "--depth=50",
                "-q")
            .directory(repo.toFile())
            .inheritIO()
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }
}
