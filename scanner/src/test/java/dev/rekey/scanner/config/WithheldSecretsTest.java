package dev.rekey.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.ScanRequest;
import dev.rekey.scanner.Scanner;
import dev.rekey.scanner.folder.FileTreeSource;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Snippet;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 8: a secret a configuration hides — a disabled rule's, an allowlisted value — is
 * masked in the excerpt around a reported neighbour, never shown there (a GitHub token's checksum
 * would give back the one character an excerpt cut off).
 */
class WithheldSecretsTest {
  private static final String STRIPE =
      "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";
  private static final String GITHUB = "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";

  @TempDir Path dir;

  private String snippet(String toml) throws Exception {
    Files.writeString(dir.resolve("app.env"), "STRIPE_KEY=" + STRIPE + " GH=" + GITHUB + "\n");
    List<Finding> findings =
        Scanner.scan(
                ScanRequest.of(
                    List.of(new FileTreeSource(dir, ScanSettings.defaults())),
                    ScanSettings.defaults(),
                    ConfigReader.parse("c.toml", toml)))
            .findings();
    assertThat(findings).extracting(f -> f.rule().id()).containsExactly("stripe.secret-key");
    Snippet snippet = Objects.requireNonNull(findings.getFirst().primary().snippet());
    return snippet.render("[S]");
  }

  @Test
  void aDisabledRulesSecretIsMasked() throws Exception {
    assertThat(snippet("[detectors]\ndisable = [\"github.personal-access-token\"]\n"))
        .contains(" GH=[redacted]")
        .doesNotContain("ghp_");
  }

  @Test
  void anAllowlistedSecretIsMasked() throws Exception {
    assertThat(snippet("[allowlist]\nvalues = [\"" + GITHUB + "\"]\n"))
        .contains(" GH=[redacted]")
        .doesNotContain("ghp_");
  }
}
