package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture scanned both ways — matching every byte, and matching each distinct line once —
 * gives exactly the same report: the line sieve may only change how fast findings come.
 */
class LineSieveFixtureTest {
  @TempDir Path temp;

  static Stream<String> fixtures() throws IOException {
    return FixtureRepositoryTest.fixtures();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theLineSieveChangesNothingInTheReport(String name) throws Exception {
    Path repo = Fixtures.build(name, temp.resolve(name));
    List<String> args =
        new ArrayList<>(List.of("scan", repo.toString(), "--format", "jsonl", "--no-cache"));
    Path extra = Fixtures.testRepos().resolve(name).resolve("args");
    if (Files.exists(extra)) {
      Files.readAllLines(extra).stream().filter(l -> !l.isBlank()).forEach(args::add);
    }
    Cli every = Cli.run(args.toArray(String[]::new));
    args.add("--line-sieve");
    Cli sieved = Cli.run(args.toArray(String[]::new));
    assertThat(sieved.out()).isNotBlank().isEqualTo(every.out());
    assertThat(sieved.exitCode()).isEqualTo(every.exitCode());
  }
}
