package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.report.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every report format, on one fixed directory, against its golden file. */
class GoldenReportTest {
  static final String STRIPE =
      "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";
  static final String GITHUB = "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";
  private static final Pattern TIME = Pattern.compile("time=\"[0-9.]+\"");
  private static final String[][] VARIABLE = {
    {"\"duration_ms\" : [0-9]+", "\"duration_ms\" : <MS>"},
    {"(?s)<style>.*?</style>", "<style>/* report.css */</style>"},
    {"(?s)<script>.*?</script>", "<script>/* report.js */</script>"},
    {"sha256-[A-Za-z0-9+/=]+", "sha256-<HASH>"},
    {
      "Scan of <time datetime=\"[^\"]+\">[^<]+</time>",
      "Scan of <time datetime=\"<NOW>\"><NOW></time>"
    },
    {"<dt>Duration</dt><dd>[^<]+</dd>", "<dt>Duration</dt><dd><DURATION></dd>"},
  };

  @TempDir Path dir;

  @BeforeEach
  void fixture() throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/.env"), "DEBUG=1\nSTRIPE_KEY=" + STRIPE + "\n");
    Files.writeString(dir.resolve("deploy, \"prod\".yml"), "token: " + GITHUB + " # <ci>\n");
    Files.writeString(dir.resolve("copy.env"), "STRIPE_KEY=" + STRIPE + "\n");
    Files.writeString(dir.resolve("README.md"), "nothing here\n");
    Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
  }

  /**
   * Temporary paths, times and durations replaced, so the output is the same on every run; in HTML,
   * the inlined stylesheet and script and their hashes too, so the golden file holds the page's
   * structure.
   */
  static String normalise(String text, Path dir) {
    String stable = text.replace(dir.toString(), "<TMP>");
    stable = TIME.matcher(stable).replaceAll("time=\"<TIME>\"");
    stable =
        stable.replaceAll("(?<![\\w-])" + Pattern.quote(Main.version()) + "(?!\\w)", "<VERSION>");
    for (String[] rule : VARIABLE) {
      stable = stable.replaceAll(rule[0], rule[1]);
    }
    return stable;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Format.class)
  void reportMatchesItsGoldenFile(Format format) throws Exception {
    Cli result = Cli.run("scan", dir.toString(), "--format", format.label());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).doesNotContain(STRIPE, GITHUB);
    Golden.check("report." + format.label().toLowerCase(Locale.ROOT), normalise(result.out(), dir));
  }

  @Test
  void theHtmlPageNeverHoldsASecretEvenWhenAskedTo() throws Exception {
    Cli result = Cli.run("scan", dir.toString(), "--format", "html", "--show-secrets");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .doesNotContain(STRIPE, GITHUB)
        .contains("sk_live_51…3Tq", "Secrets in clear were asked for (--show-secrets)");
  }
}
