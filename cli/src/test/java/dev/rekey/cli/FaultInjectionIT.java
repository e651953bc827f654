package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.cli.load.Figures;
import dev.rekey.cli.load.LoadHarness;
import dev.rekey.cli.load.LoadReport;
import dev.rekey.rotators.UsageCheck;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code rekey rotate} — a real process, halted without shutdown hooks — right after each
 * journal entry in turn, resumes the run, and checks that every end state is the one an
 * uninterrupted run reaches: one new IAM key and the old one gone, the new database passwords
 * working and the old ones refused, no secret written anywhere. All the while the load harness's
 * application serves a steady stream of requests with the credentials it reads from Secrets
 * Manager; each crash point rotates the credentials the previous one left current, so one
 * application runs across them all, and it sees not one failed request.
 */
class FaultInjectionIT {
  private static final ItServers SERVERS = new ItServers();

  /**
   * Requests per second per credential (60 in all): the three streams, the rotation and two JVMs
   * started per crash point share the test machine's two cores with moto and both databases.
   */
  static final int RATE = 20;

  @TempDir Path temp;

  @Test
  void aRunKilledAtEveryStepBoundaryUnderLoadResumesToTheSameEndState() throws Exception {
    LoadChain chain = LoadChain.create(SERVERS);
    int boundaries = 0;
    List<LoadReport> figures;
    try (LoadHarness load = LoadHarness.start(chain.streams(), RATE)) {
      load.awaitServed(RATE, Duration.ofSeconds(60));
      for (int n = 1; n < 200; n++) {
        Path dir = temp.resolve("kill-" + n);
        Path journals = dir.resolve("journals");
        Map<String, JsonNode> before = chain.current();
        Path report = LoadChain.report(dir.resolve("report.jsonl"), before);
        Run killed =
            rekey(
                journals,
                n,
                "rotate",
                "--from",
                report.toString(),
                "--yes",
                "--store",
                chain.store());
        boolean interrupted = killed.exitCode() == CrashingMain.HALT_STATUS;
        assertThat(interrupted || killed.exitCode() <= ExitCode.FINDINGS)
            .as("entry %d: %s", n, killed.output())
            .isTrue();
        // Resumed (and finished while the application still holds the old credentials) in this
        // JVM: one process start per crash point.
        LoadRotation rotation = new LoadRotation(SERVERS.env(), journals, false);
        String id = runId(journals);
        Cli resumed =
            interrupted ? rotation.resume(id) : new Cli(killed.exitCode(), killed.output(), "");
        Cli ended =
            rotation.finishWhileWaiting(
                id, resumed, RotationUnderLoadIT.TTL.plus(UsageCheck.QUIET));
        List<String> secrets = chain.assertRotatedFrom(before);
        assertNoSecret(
            journals,
            secrets,
            killed.output() + resumed.out() + resumed.err() + ended.out() + ended.err());
        if (!interrupted) {
          break; // n is past the last entry: the run was never interrupted
        }
        boundaries++;
      }
      figures = load.stop();
    }
    assertThat(boundaries).as("step boundaries exercised").isGreaterThan(20);
    for (LoadReport stream : figures) {
      Figures.record(stream.stream() + " across " + boundaries + " crashes", stream);
      assertThat(stream.failures()).as(stream.toString()).isZero();
      assertThat(stream.rate()).as(stream.toString()).isGreaterThanOrEqualTo(RATE * 0.95);
    }
  }

  private static String runId(Path journals) throws Exception {
    try (Stream<Path> files = Files.list(journals)) {
      String name = files.findFirst().orElseThrow().getFileName().toString();
      return name.substring(0, name.length() - ".jsonl".length());
    }
  }

  private static void assertNoSecret(Path journals, List<String> secrets, String output)
      throws Exception {
    StringBuilder written = new StringBuilder(output);
    try (Stream<Path> files = Files.list(journals)) {
      for (Path file : files.toList()) {
        written.append(Files.readString(file));
      }
    }
    for (String secret : secrets) {
      assertThat(written.toString()).doesNotContain(secret);
    }
  }

  record Run(int exitCode, String output) {}

  /**
   * Runs the packaged rekey in its own process, as a user would, through {@link CrashingMain},
   * which halts it right after {@code crashAfter} journal entries.
   */
  private static Run rekey(Path journals, int crashAfter, String... args) throws Exception {
    Path jar = Fixtures.repoRoot().resolve("cli/target/rekey.jar");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar + File.pathSeparator + Fixtures.repoRoot().resolve("cli/target/test-classes"),
                CrashingMain.class.getName(),
                Integer.toString(crashAfter)));
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--journal-dir",
            journals.toString(),
            "--db-admin-url",
            "env:REKEY_IT_PG_ADMIN_URL",
            "--db-admin-url",
            "env:REKEY_IT_MARIADB_ADMIN_URL",
            "--log-format",
            "json"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(SERVERS.env());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
