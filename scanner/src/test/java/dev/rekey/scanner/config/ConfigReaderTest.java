package dev.rekey.scanner.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.Severity;
import dev.rekey.scanner.ScanRequest;
import dev.rekey.scanner.Scanner;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
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

  /**
   * Disabling a rule must cost nothing: the detector keeps the keyword pass that history scans
   * carry through deltas, and the rules that read files by name.
   */
  @Test
  void disablingRulesKeepsTheShortcuts() throws Exception {
    Detector detector =
        ConfigReader.parse("c.toml", "[detectors]\ndisable = [\"generic.password\"]\n").detector();
    assertThat(detector.keywordScanner()).isNotNull();
    byte[] pgpass = "db.acme-corp.net:5432:billing:ledger_app:Wm4!rT8zKq2v\n".getBytes(UTF_8);
    assertThat(detector.detect(pgpass, "ops/.pgpass", KeywordHits.NONE))
        .extracting(m -> m.rule().id())
        .containsExactly("postgres.pgpass");
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

  /** Issue 11, item 1: a repository's own file cannot choose where secrets are sent. */
  @Test
  void aRepositorysProviderTablesAreIgnoredWithTheFileAndLine() throws Exception {
    ScanConfig config =
        ConfigReader.parse(
            ".rekey.toml",
            "[detectors]\ndisable = []\n\n[providers.openai]\nurl = \"http://127.0.0.1:9\"\n",
            ConfigReader.Origin.REPOSITORY);
    assertThat(config.providerUrls()).isEmpty();
    assertThat(config.warnings())
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith(".rekey.toml:5: [providers.openai] ignored: a repository's configuration")
        .contains("--provider-url openai=URL");
  }

  @Test
  void theUsersOwnFileHoldsProviderTablesOnly() throws Exception {
    ScanConfig config =
        ConfigReader.parse(
            "config.toml",
            "[providers.gitlab]\nurl = \"https://gitlab.example.com\"\n",
            ConfigReader.Origin.USER);
    assertThat(config.providerUrls()).containsEntry("gitlab", "https://gitlab.example.com");
    assertThatThrownBy(
            () ->
                ConfigReader.parse(
                    "config.toml", "\n[allowlist]\npaths = []\n", ConfigReader.Origin.USER))
        .hasMessageStartingWith("config.toml:2: only [providers.NAME] tables are read");
  }

  /** Issue 11, item 11: invalid UTF-8 names the file, line and byte, not "Input length = 1". */
  @Test
  void invalidUtf8NamesTheLine(@TempDir Path temp) throws Exception {
    Path file = temp.resolve(".rekey.toml");
    Files.write(file, new byte[] {'#', ' ', 'o', 'k', '\n', '#', ' ', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> ConfigReader.read(file))
        .hasMessage(file + ":2: not valid UTF-8 (byte 0xff at offset 7): save the file as UTF-8");
  }

  /** Issue 11, item 11: wrongly typed or out-of-range rule settings name the file and line. */
  @Test
  void customRuleSettingsAreCheckedForTypeAndRange() {
    String head = "[[rules]]\nid = \"acme.key\"\nkeywords = [\"acme\"]\npattern = 'acme_[a-z]+'\n";
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", head + "window = 2147483647\n"))
        .hasMessage("c.toml:5: 'window' must be a whole number from 1 to 4096");
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", head + "window = -5\n"))
        .hasMessageStartingWith("c.toml:5: 'window' must be");
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", head + "window = \"256\"\n"))
        .hasMessageStartingWith("c.toml:5: 'window' must be");
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", head + "min_entropy = \"3\"\n"))
        .hasMessage("c.toml:5: 'min_entropy' must be a number from 0.0 to 8.0");
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", head + "rotation_url = 5\n"))
        .hasMessage("c.toml:5: 'rotation_url' must be a string");
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", head + "rotation_url = \"x\"\n"))
        .hasMessage("c.toml:5: 'rotation_url' must be an http(s) URL");
  }

  /** Issue 11, item 4: a pattern that backtracks without end on its own example is refused. */
  @Test
  void aCatastrophicPatternIsRefusedOnItsExample() {
    String toml =
        "[[rules]]\nid = \"acme.slow\"\nkeywords = [\"key\"]\npattern = '''key(.*a){25}$'''\n"
            + "examples = [\"key"
            + "a".repeat(40)
            + "!\"]\n";
    assertThatThrownBy(() -> ConfigReader.parse("c.toml", toml))
        .hasMessageContaining("'acme.slow' takes too many matching steps on its own example");
  }
}
