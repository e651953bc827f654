package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalEntry;
import dev.rekey.scanner.report.AuditReport;
import dev.rekey.scanner.report.AuditReportReader;
import dev.rekey.scanner.report.HtmlReporter;
import dev.rekey.scanner.report.ReportOptions;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rekey report}: a saved JSON or JSON Lines report rendered as the HTML page. */
class ReportCommandTest {
  private static final String STRIPE_LIVE =
      "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";

  @TempDir static Path shared;
  static Path json;

  @TempDir Path dir;

  @BeforeAll
  static void scanHistory() throws Exception {
    Path repo = Fixtures.build("history", shared.resolve("history"));
    json = shared.resolve("history.json");
    Cli scan = Cli.run("scan", repo.toString(), "--format", "json", "-o", json.toString());
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
  }

  static Path hostile() {
    return Fixtures.repoRoot().resolve("cli/src/test/resources/report/hostile.json");
  }

  @Test
  void theHistoryPageHasItsFiveSectionsAndTheSameStructureEveryTime() throws Exception {
    AuditReport report = AuditReportReader.read(json);
    StringWriter page = new StringWriter();
    new HtmlReporter(new ReportOptions(false, false, "dev"))
        .write(report, Instant.parse("2026-01-15T12:00:00Z"), page);
    assertThat(page.toString())
        .contains(
            "id=\"summary\"",
            "id=\"timeline\"",
            "id=\"findings\"",
            "id=\"details\"",
            "id=\"scanned\"")
        .contains("rekey rotate --only ", "<svg class=\"timeline\"", "Git LFS pointer");
    Golden.check("report-history.html", GoldenReportTest.normalise(page.toString(), shared));
  }

  @Test
  void aReportIsRenderedToAFileWithExitZero() throws Exception {
    Path html = dir.resolve("report.html");
    Cli result = Cli.run("report", json.toString(), "-o", html.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").doesNotContain(STRIPE_LIVE);
  }

  @Test
  void aReportWrittenWithShowSecretsIsRenderedWithoutThem() throws Exception {
    Path repo = Fixtures.build("history", dir.resolve("repo"));
    Path shown = dir.resolve("shown.jsonl");
    Cli.run("scan", repo.toString(), "--format", "jsonl", "--show-secrets", "-o", shown.toString());
    assertThat(Files.readString(shown)).contains(STRIPE_LIVE);
    Cli result = Cli.run("report", shown.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .doesNotContain(STRIPE_LIVE)
        .contains("Secrets in clear were asked for", "made from a JSON Lines report");
  }

  @Test
  void hostileReportsRenderAsText() throws Exception {
    Cli result = Cli.run("report", hostile().toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .doesNotContain("<script>alert", "<img", "href=\"javascript:")
        .contains("&lt;script&gt;alert(&quot;f1-path&quot;)&lt;/script&gt;")
        .contains("href=\"https://example.test/rotate?next=%22%3E%3Cscript%3E\"");
    assertThat(result.out().split("<script>", -1)).hasSize(2);
  }

  @Test
  void badInputIsAClearErrorAndNothingIsWritten() throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"findings\": [{\"rule\": \"r\"");
    Path html = dir.resolve("out.html");
    Cli result = Cli.run("report", broken.toString(), "-o", html.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(broken + ": it is not valid JSON (line 1");
    assertThat(html).doesNotExist();
    assertThat(Cli.run("report", dir.resolve("none.json").toString()).err())
        .contains("none.json: no such file: check the path");
    Cli itself = Cli.run("report", json.toString(), "-o", json.toString());
    assertThat(itself.exitCode()).isEqualTo(2);
    assertThat(itself.err()).contains("is the report itself");
    Cli noFolder = Cli.run("report", json.toString(), "-o", dir.resolve("no/such.html").toString());
    assertThat(noFolder.exitCode()).isEqualTo(2);
    assertThat(noFolder.err()).contains("cannot write the page", "check the folder exists");
  }

  @Test
  void aRotationRunIsShownBesideItsFindings() throws Exception {
    AuditReport report = AuditReportReader.read(json);
    String rotated = report.findings().get(0).fingerprint();
    String failed = report.findings().get(1).fingerprint();
    Path journals = dir.resolve("runs");
    try (Journal journal = Journal.open(journals.resolve("run-1.jsonl"), e -> {})) {
      journal.append(
          JournalEntry.RUN, null, null, null, Map.of("credentials", rotated + "," + failed));
      journal.append(JournalEntry.STEP, rotated, "revoke", JournalEntry.DONE, Map.of());
      journal.append(
          JournalEntry.STEP,
          failed,
          "create",
          JournalEntry.FAILED,
          Map.of("reason", "quota exceeded"));
    }
    Cli result =
        Cli.run(
            "report", json.toString(), "--journal", "run-1", "--journal-dir", journals.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Rotation run run-1", "pill run-rotated", "pill run-failed", "quota exceeded");
    Cli missing =
        Cli.run(
            "report", json.toString(), "--journal", "run-2", "--journal-dir", journals.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no journal for run run-2");
  }
}
