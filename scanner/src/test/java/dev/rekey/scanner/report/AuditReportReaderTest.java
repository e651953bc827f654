package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.ScanResult;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditReportReaderTest {
  private static final String FINGERPRINT = "a".repeat(64);

  @TempDir Path dir;

  private static String report(Reporter reporter, ScanResult result) throws Exception {
    StringWriter out = new StringWriter();
    reporter.write(result, out);
    return out.toString();
  }

  /** A minimal finding, with {@code field} set to the raw JSON {@code json} (none when empty). */
  private static String finding(String field, String json) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("rule", "\"r\"");
    fields.put("severity", "\"high\"");
    fields.put("exposure", "\"server\"");
    fields.put("fingerprint", "\"" + FINGERPRINT + "\"");
    fields.put("redacted", "\"ab…yz\"");
    fields.put("path", "\"a.env\"");
    fields.put("line", "1");
    fields.put("column", "2");
    if (!field.isEmpty()) {
      fields.put(field, json);
    }
    StringJoiner object = new StringJoiner(",", "{", "}");
    fields.forEach((name, value) -> object.add("\"" + name + "\":" + value));
    return object.toString();
  }

  @Test
  void theJsonReportReadsBackWithEveryPlaceAndTheSummary() throws Exception {
    ScanResult result = SampleResults.mixed();
    AuditReport report =
        AuditReportReader.read(report(new JsonReporter(ReportOptions.PLAIN), result));
    assertThat(report.findings()).hasSize(result.findings().size());
    AuditReport.Entry first = report.findings().getFirst();
    assertThat(first.fingerprint()).isEqualTo(result.findings().getFirst().fingerprint());
    assertThat(first.places()).hasSize(result.findings().getFirst().locations().size());
    assertThat(report.coverage())
        .isNotNull()
        .extracting(AuditReport.Coverage::complete)
        .isEqualTo(false);
    assertThat(report.problems()).hasSize(2);
    assertThat(report.secretsDropped()).isFalse();
  }

  @Test
  void jsonLinesReadBackWithoutASummary() throws Exception {
    String lines = report(new JsonLinesReporter(ReportOptions.PLAIN), SampleResults.mixed());
    AuditReport report = AuditReportReader.read(lines);
    assertThat(report.findings()).hasSize(2);
    assertThat(report.coverage()).isNull();
    assertThat(AuditReportReader.read("").findings()).isEmpty();
  }

  @Test
  void secretsInClearAreDroppedFromEverySnippet() throws Exception {
    String shown = report(new JsonReporter(new ReportOptions(true, false)), SampleResults.mixed());
    assertThat(shown).contains(SampleResults.STRIPE);
    AuditReport report = AuditReportReader.read(shown);
    assertThat(report.secretsDropped()).isTrue();
    assertThat(report.findings().toString())
        .doesNotContain(SampleResults.STRIPE, SampleResults.GITHUB)
        .contains("STRIPE=sk_live_51…3Tq");
  }

  @Test
  void onlyHttpsRotationPagesAreKept() throws Exception {
    for (String url :
        new String[] {"javascript:alert(1)", "data:text/html,x", "http://a.test", "https:x"}) {
      String json = finding("rotation_url", "\"" + url + "\"");
      assertThat(AuditReportReader.read(json).findings().getFirst().rotationUrl()).isNull();
    }
    String https = finding("rotation_url", "\"https://example.test/rotate\"");
    assertThat(AuditReportReader.read(https).findings().getFirst().rotationUrl())
        .isEqualTo("https://example.test/rotate");
  }

  @Test
  void aMinimalFindingReadsWithItsOwnFieldsAsItsPlace() throws Exception {
    AuditReport.Entry entry = AuditReportReader.read(finding("", "")).findings().getFirst();
    assertThat(entry.severity()).isEqualTo(Severity.HIGH);
    assertThat(entry.exposure()).isEqualTo(Exposure.SERVER);
    assertThat(entry.places())
        .singleElement()
        .extracting(AuditReport.Place::path)
        .isEqualTo("a.env");
    assertThat(entry.rotateCommand()).isEqualTo("rekey rotate --only " + "a".repeat(16));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"findings\": [",
        "[1, 2]",
        "{\"findings\": 3}",
        "{\"findings\": [], \"findings\": []}",
        "{\"version\": 2, \"findings\": []}",
        "{\"findings\": [{\"rule\": 1}]}",
        "{\"findings\": [], \"summary\": {\"blobs_scanned\": -1}}",
        "{\"findings\": [], \"problems\": [{\"kind\": \"MARK<x>\", \"where\": \"a\", \"message\": \"b\"}]}",
      })
  void malformedReportsAreRefusedWithAClearMessage(String text) {
    assertThatThrownBy(() -> AuditReportReader.read(text))
        .isInstanceOf(ReportException.class)
        .hasMessageNotContaining("MARK")
        .message()
        .isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "severity|\"MARK<x>\\u001b[31m\"",
        "exposure|\"MARK<x>\\u001b[31m\"",
        "fingerprint|\"MARK<x>\\u001b[31m\"",
        "line|\"MARK<x>\\u001b[31m\"",
        "line|1e400",
        "line|99999999999999999999999",
        "date|\"MARK<x>\\u001b[31m\"",
        "facts|{\"a\": [\"MARK<x>\\u001b[31m\"]}",
        "refs|[{\"MARK<x>\\u001b[31m\": 1}]",
        "verified|{\"status\": \"MARK<x>\\u001b[31m\"}",
        "locations|[\"MARK<x>\\u001b[31m\"]",
      })
  void aMistypedFieldIsNamedWithoutEchoingItsValue(String spec) {
    String[] parts = spec.split("\\|", 2);
    String json = "{\"findings\": [" + finding(parts[0], parts[1]) + "]}";
    assertThatThrownBy(() -> AuditReportReader.read(json))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("finding 1")
        .hasMessageNotContaining("MARK");
  }

  @Test
  void deepNestingAndRepeatedFingerprintsAreRefused() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> AuditReportReader.read(deep))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("exceeds a limit");
    String twice = finding("", "") + "\n" + finding("", "");
    assertThatThrownBy(() -> AuditReportReader.read(twice))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("line 2 repeats the fingerprint");
  }

  @Test
  void fileErrorsNameTheFile() throws Exception {
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> AuditReportReader.read(missing))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith(missing + ": no such file");
    Path binary = dir.resolve("binary.json");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertThatThrownBy(() -> AuditReportReader.read(binary))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith(binary + ": it is not valid JSON");
  }
}
