package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class JunitAndCsvReporterTest {

  @Test
  void junitXmlIsWellFormedWithOneFailurePerSecretAndOneErrorPerProblem() throws Exception {
    StringWriter out = new StringWriter();
    new JunitReporter(ReportOptions.PLAIN).write(SampleResults.mixed(), out);
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(2);
    assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(out.toString()).doesNotContain(SampleResults.STRIPE, SampleResults.GITHUB);
  }

  @Test
  void aCleanScanIsOnePassingTestCase() throws Exception {
    StringWriter out = new StringWriter();
    new JunitReporter(ReportOptions.PLAIN).write(SampleResults.empty(), out);
    assertThat(out.toString()).contains("tests=\"1\" failures=\"0\"", "no secrets found");
  }

  @Test
  void csvCellsAreQuotedAndFormulasDefused() {
    assertThat(CsvReporter.cell("plain")).isEqualTo("plain");
    assertThat(CsvReporter.cell("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
    assertThat(CsvReporter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvReporter.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
  }
}
