package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code rekey rotate} — a real process, halted without shutdown hooks — right after each
 * journal entry in turn, resumes the run, and checks that every end state is the one an
 * uninterrupted run reaches: one new IAM key and the old one gone, the new database passwords
 * working and the old ones refused, AWSCURRENT/AWSPREVIOUS in place, no secret written anywhere.
 */
class FaultInjectionIT {
  private static final ItServers SERVERS = new ItServers();

  @TempDir Path temp;

  @Test
  void aRunKilledAtEveryStepBoundaryResumesToTheSameEndState() throws Exception {
    int boundaries = 0;
    for (int n = 1; n < 200; n++) {
      Path dir = temp.resolve("kill-" + n);
      RotationFixture fixture = RotationFixture.create(SERVERS, dir.resolve("repo"));
      Path report = fixture.scanReport(dir.resolve("report.json"));
      Path journals = dir.resolve("journals");
      Run killed =
          rekey(
              n,
              "rotate",
              "--from",
              report.toString(),
              "--yes",
              "--journal-dir",
              journals.toString(),
              "--db-admin-url",
              "env:REKEY_IT_MARIADB_ADMIN_URL");
      if (killed.exitCode() == 0) {
        break; // n is past the last entry: the run was never interrupted
      }
      assertThat(killed.exitCode())
          .as("run killed after entry %d: %s", n, killed.output())
          .isEqualTo(CrashingMain.HALT_STATUS);
      boundaries++;
      String runId = runId(journals);
      Run resumed =
          rekey(
              null,
              "rotate",
              "--resume",
              runId,
              "--journal-dir",
              journals.toString(),
              "--db-admin-url",
              "env:REKEY_IT_MARIADB_ADMIN_URL");
      assertThat(resumed.exitCode()).as("resume after entry %d: %s", n, resumed.output()).isZero();
      RotationIT.assertIamRotated(fixture, report);
      List<String> secrets = RotationIT.assertDatabasesRotated(fixture, report, true);
      assertNoSecret(journals, fixture, secrets, killed.output() + resumed.output());
    }
    assertThat(boundaries).as("step boundaries exercised").isGreaterThan(20);
  }

  private static String runId(Path journals) throws Exception {
    try (Stream<Path> files = Files.list(journals)) {
      String name = files.findFirst().orElseThrow().getFileName().toString();
      return name.substring(0, name.length() - ".jsonl".length());
    }
  }

  private static void assertNoSecret(
      Path journals, RotationFixture fixture, List<String> secrets, String output)
      throws Exception {
    StringBuilder written = new StringBuilder(output);
    try (Stream<Path> files = Files.list(journals)) {
      for (Path file : files.toList()) {
        written.append(Files.readString(file));
      }
    }
    for (String secret : Stream.concat(fixture.oldSecrets().stream(), secrets.stream()).toList()) {
      assertThat(written.toString()).doesNotContain(secret);
    }
  }

  record Run(int exitCode, String output) {}

  /**
   * Runs the packaged rekey in its own process, as a user would; with {@code crashAfter}, through
   * {@link CrashingMain}, which halts it right after that many journal entries.
   */
  private static Run rekey(@Nullable Integer crashAfter, String... args) throws Exception {
    Path jar = Fixtures.repoRoot().resolve("cli/target/rekey.jar");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
    if (crashAfter == null) {
      command.addAll(List.of("-jar", jar.toString()));
    } else {
      Path tests = Fixtures.repoRoot().resolve("cli/target/test-classes");
      command.addAll(
          List.of(
              "-cp",
              jar + java.io.File.pathSeparator + tests,
              CrashingMain.class.getName(),
              crashAfter.toString()));
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(SERVERS.env());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
