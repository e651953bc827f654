package dev.rekey.scanner.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** One JSON document: the findings with all their locations, a summary and the problems. */
public final class JsonReporter implements Reporter {
  private static final JsonFactory JSON = InertEscapes.factory();

  private final FindingWriter findings;

  public JsonReporter(ReportOptions options) {
    this.findings = new FindingWriter(options);
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("version", 1);
      json.writeArrayFieldStart("findings");
      for (Finding finding : result.findings()) {
        findings.write(finding, json);
      }
      json.writeEndArray();
      writeSummary(result, json);
      json.writeArrayFieldStart("problems");
      for (Problem problem : result.problems()) {
        json.writeStartObject();
        json.writeStringField("kind", problem.kind().name().toLowerCase(Locale.ROOT));
        json.writeStringField("where", problem.where());
        json.writeStringField("message", problem.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeSummary(ScanResult result, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("findings", result.findings().size());
    json.writeObjectFieldStart("by_severity");
    for (Severity severity : Severity.values()) {
      json.writeNumberField(
          severity.label(),
          result.findings().stream().filter(f -> f.severity() == severity).count());
    }
    json.writeEndObject();
    json.writeNumberField("commits_scanned", result.stats().commits());
    json.writeNumberField("refs_scanned", result.stats().refs());
    json.writeNumberField("blobs_scanned", result.stats().blobs());
    json.writeNumberField("bytes_scanned", result.stats().bytes());
    json.writeNumberField("skipped", result.stats().skipped());
    json.writeNumberField("errors", result.problems().stream().filter(Problem::isError).count());
    json.writeBooleanField("complete", !result.incomplete());
    json.writeNumberField("duration_ms", result.stats().elapsed().toMillis());
    json.writeEndObject();
  }
}
