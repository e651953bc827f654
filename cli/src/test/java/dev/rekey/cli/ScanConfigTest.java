package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .rekey.toml} at the scanned root and {@code --config FILE}. */
class ScanConfigTest {
  private static final String STRIPE =
      "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";

  @TempDir Path dir;

  @Test
  void rekeyTomlAtTheRootAllowsPaths() throws Exception {
    Files.createDirectories(dir.resolve("fixtures"));
    Files.writeString(dir.resolve("fixtures/.env"), "STRIPE_KEY=" + STRIPE + "\n");
    Files.writeString(dir.resolve(".rekey.toml"), "[allowlist]\npaths = [\"fixtures/**\"]\n");
    Cli result = Cli.run("scan", dir.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void configOptionChoosesAFileAndOverridesSeverity() throws Exception {
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + STRIPE + "\n");
    Path config = Files.createTempFile(dir.getParent(), "rekey", ".toml");
    Files.writeString(config, "[detectors.severity]\n\"stripe.secret-key\" = \"low\"\n");
    Cli result =
        Cli.run("scan", dir.toString(), "--config", config.toString(), "--format", "jsonl");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("\"severity\":\"low\"");
    Files.delete(config);
  }

  @Test
  void invalidConfigIsAnErrorNamingFileAndLine() throws Exception {
    Files.writeString(dir.resolve(".rekey.toml"), "[detectors]\n\ndisabled = [\"x\"]\n");
    Cli result = Cli.run("scan", dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(".rekey.toml:3: unknown key 'disabled' in [detectors]");
  }

  @Test
  void missingConfigFileIsAnError() {
    Cli result = Cli.run("scan", dir.toString(), "--config", dir.resolve("nope.toml").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("nope.toml: no such configuration file");
  }
}
