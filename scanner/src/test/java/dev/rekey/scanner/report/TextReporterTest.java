package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextReporterTest {

  private static String text(ReportOptions options) throws Exception {
    StringWriter out = new StringWriter();
    new TextReporter(options).write(SampleResults.mixed(), out);
    return out.toString();
  }

  @Test
  void colourOnlyWhenAskedFor() throws Exception {
    assertThat(text(new ReportOptions(false, true))).contains("\u001b[1;31mCRITICAL\u001b[0m");
    assertThat(text(ReportOptions.PLAIN)).doesNotContain("\u001b[");
  }

  @Test
  void oneBlockPerSecretWithEveryPlaceAndNoSecretValue() throws Exception {
    String report = text(ReportOptions.PLAIN);
    assertThat(report)
        .contains("config/.env:1:8 [worktree, local]", "b.env:1:8 [staged, server]")
        .contains("in commit 1f3c5a7e9b2d (Ada Fixture, 2024-01-02)", "commit message")
        .contains("Found 2 secrets (2 critical)", "The scan is incomplete: 1 error")
        .doesNotContain(SampleResults.STRIPE, SampleResults.GITHUB);
  }
}
