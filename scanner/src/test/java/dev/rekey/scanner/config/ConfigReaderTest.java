package dev.rekey.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.ScanRequest;
import dev.rekey.scanner.Scanner;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
  private static final String STRIPE_TEST =
      "sk_test_8qQqDcovmFOcBO4h4bjj3Yxt7LOj5vEtrSzVJffr0f1DZSVgmqnx371ErDOLz3Kr8oJYnGjvSR85oMUckCycX8aoAevpHBPAC2e";

  @Test
  void readsEveryTable(@TempDir Path dir) throws Exception {
    ScanConfig config =
        ConfigReader.parse(
            ".rekey.toml",
            """
            [detectors]
            disable = ["generic.password"]
            severity = { "stripe.test-key" = "info" }

            [[rules]]
            id = "acme.api-key"
            provider = "Acme"
            severity = "critical"
            keywords = ["acme_"]
            pattern = '''acme_[a-z0-9]{32}'''
            examples = ["ACME=acme_0123abcd0123abcd0123abcd0123abcd"]
            counter_examples = ["acme_short"]

            [allowlist]
            paths = ["test/**", "**/*.snap"]
            values = ["sk_live_allowed"]
            regexes = ['''^dev-.*''']

            [verify]
            stripe = "http://127.0.0.1:12111"
            """);
    assertThat(config.rules())
        .extracting(r -> r.id())
        .contains("acme.api-key")
        .doesNotContain("generic.password");
    assertThat(config.allowlist().allowsPath("test/a/b.txt")).isTrue();
    assertThat(config.allowlist().allowsPath("ui.snap")).isTrue();
    assertThat(config.allowlist().allowsPath("src/a.ts")).isFalse();
    assertThat(config.allowlist().allowsValue("dev-123")).isTrue();
    // Severities and value allowlists apply to findings, after detection (the engine runs bare).
    Path file =
        Files.writeString(
            dir.resolve("k.env"), "K=" + STRIPE_TEST + "\nacme_0123abcd0123abcd0123abcd0123abcd");
    ScanResult result = Scanner.scan(ScanRequest.ofPath(file, ScanSettings.defaults(), config));
    assertThat(result.findings())
        .extracting(f -> f.rule().id() + "/" + f.severity().label())
        .containsExactlyInAnyOrder("stripe.test-key/info", "acme.api-key/critical");
  }

  @Test
  void unknownKeysInKnownTablesAreErrorsNamingTheLine() {
    assertThatThrownBy(
            () -> ConfigReader.parse("c.toml", "[detectors]\ndisable = []\ndisabel = [\"x\"]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("c.toml:3: unknown key 'disabel' in [detectors]");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", "[allowlist]\npaths = [\"a\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("c.toml:")
        .hasMessageContaining("not valid TOML");
  }

  @Test
  void badValuesAreErrorsNamingTheLine() {
    assertThatThrownBy(
            () ->
                ConfigReader.parse(
                    "c.toml", "[detectors]\nseverity = { \"stripe.test-key\" = \"urgent\" }\n"))
        .hasMessageStartingWith("c.toml:2: unknown severity 'urgent'");
    assertThatThrownBy(
            () -> ConfigReader.parse("c.toml", "[detectors]\n\ndisable = [\"nope.rule\"]\n"))
        .hasMessageStartingWith("c.toml:3: unknown rule 'nope.rule'");
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", "[allowlist]\nregexes = ['''(''']\n"))
        .hasMessageStartingWith("c.toml:2: invalid regular expression");
  }

  @Test
  void customRulesAreValidatedAgainstTheirExamples() {
    String rule =
        """
        [[rules]]
        id = "a.b"
        keywords = ["k"]
        pattern = "k[0-9]{4}"

        [[rules]]
        id = "acme.key"
        keywords = ["acme"]
        pattern = "acme[0-9]{4}"
        examples = ["acme12"]
        """;
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", rule))
        .hasMessageStartingWith("c.toml:10: rule 'acme.key' does not match its example");
    assertThatThrownBy(
            () -> ConfigReader.parse("c.toml", "[[rules]]\nid = \"a.b\"\npattern = \"x\"\n"))
        .hasMessageStartingWith("c.toml:1: rule 'a.b' needs keywords");
  }

  @Test
  void unknownTopLevelTablesAreLeftToTheirOwners() throws Exception {
    ScanConfig config = ConfigReader.parse("c.toml", "[verify]\nwhatever = \"x\"\n");
    assertThat(config.rules()).isNotEmpty();
    assertThat(config.severities()).isEmpty();
    assertThat(ScanConfig.DEFAULTS.detector().rules()).hasSameSizeAs(config.rules());
    assertThat(Severity.parse("info")).isEqualTo(Severity.INFO);
  }

  @Test
  void providerTablesGiveBaseUrlsAndRejectTypos() throws Exception {
    ScanConfig config =
        ConfigReader.parse("c.toml", "[providers.stripe]\nurl = \"http://127.0.0.1:9\"\n");
    assertThat(config.providerUrls()).containsEntry("stripe", "http://127.0.0.1:9");
    assertThatThrownBy(
            () -> ConfigReader.parse("c.toml", "\n[providers.stripe]\nbase_url = \"x\"\n"))
        .hasMessageStartingWith("c.toml:3: unknown key 'base_url' in [providers.stripe]");
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", "[providers.stripe]\nurl = \"ftp:x\"\n"))
        .hasMessageContaining("must be an http or https base URL");
  }
}
