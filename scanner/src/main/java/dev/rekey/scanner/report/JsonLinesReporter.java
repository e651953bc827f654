package dev.rekey.scanner.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** One JSON object per finding per line: the stable contract for tools. */
public final class JsonLinesReporter implements Reporter {
  private static final JsonFactory JSON = InertEscapes.factory();

  private final FindingWriter findings;

  public JsonLinesReporter(ReportOptions options) {
    this.findings = new FindingWriter(options);
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    for (Finding finding : result.findings()) {
      try (JsonGenerator json = JSON.createGenerator(out)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        findings.write(finding, json);
      }
      out.write('\n');
    }
    out.flush();
  }
}
