package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReporterTest {
  private static final Instant AS_OF = Instant.parse("2026-01-15T12:00:00Z");

  private static String page(AuditReport report) throws Exception {
    StringWriter out = new StringWriter();
    new HtmlReporter(ReportOptions.PLAIN).write(report, AS_OF, out);
    return out.toString();
  }

  private static String sha256(String text) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(digest);
  }

  @Test
  void thePolicyAllowsExactlyTheInlinedStyleAndScriptAndNothingElse() throws Exception {
    StringWriter out = new StringWriter();
    new HtmlReporter(ReportOptions.PLAIN).write(SampleResults.mixed(), out);
    String html = out.toString();
    Matcher style = Pattern.compile("(?s)<style>(.*?)</style>").matcher(html);
    Matcher script = Pattern.compile("(?s)<script>(.*?)</script>").matcher(html);
    assertThat(style.find()).isTrue();
    assertThat(script.find()).isTrue();
    assertThat(html)
        .contains(
            "default-src &#39;none&#39;; style-src &#39;sha256-"
                + sha256(style.group(1))
                + "&#39;;"
                + " script-src &#39;sha256-"
                + sha256(script.group(1))
                + "&#39;;")
        .containsOnlyOnce("<script")
        .containsOnlyOnce("<style")
        .doesNotContain(SampleResults.STRIPE, SampleResults.GITHUB, "http://", " src=");
    assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
  }

  @Test
  void aHundredFindingsMakeAPageUnder300KilobytesPlusTheirData() throws Exception {
    String json = hundredFindings();
    String html = page(AuditReportReader.read(json));
    int data = json.getBytes(StandardCharsets.UTF_8).length;
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(300 * 1024 + data);
    assertThat(html).contains("Showing", "rekey rotate --only ").doesNotContain("and 1 more place");
  }

  @Test
  void anEmptyReportSaysSoInEverySection() throws Exception {
    String html = page(AuditReportReader.read(""));
    assertThat(html)
        .contains("rekey report: no secrets found", "there is no commit date to draw")
        .contains("made from a JSON Lines report");
  }

  /** A JSON Lines report of 100 findings, two places each, with realistic lengths. */
  static String hundredFindings() {
    StringJoiner lines = new StringJoiner("\n");
    for (int i = 0; i < 100; i++) {
      String fingerprint = HexFormat.of().formatHex(new byte[] {(byte) i}).repeat(32);
      String place =
          "{\"path\":\"services/billing/config/environments/production-%d.env\",\"line\":%d,\"column\":19,"
                  .formatted(i, i + 1)
              + "\"commit\":\"1f3c5a7e9b2d4f6a8c0e1f3c5a7e9b2d4f6a8c0e\",\"author\":\"Ada Fixture\","
              + "\"date\":\"2024-0%d-02T03:04:05Z\",\"source\":\"history\",\"exposure\":\"history\","
                  .formatted(1 + i % 9)
              + "\"snippet\":\"export STRIPE_SECRET_KEY=sk_live_51…3Tq # rotated by the platform team\"}";
      lines.add(
          "{\"rule\":\"stripe.secret-key\",\"provider\":\"Stripe\",\"severity\":\"critical\","
              + "\"description\":\"Stripe live-mode secret key\",\"exposure\":\"history\","
              + "\"fingerprint\":\""
              + fingerprint
              + "\",\"redacted\":\"sk_live_51…3Tq\","
              + "\"rotation_url\":\"https://docs.stripe.com/keys#rolling-keys\",\"location_count\":2,"
              + "\"locations\":["
              + place
              + ","
              + place
              + "],\"commit_count\":12,"
              + "\"refs\":[\"refs/heads/main\",\"refs/heads/release\",\"refs/tags/v1.0\"],"
              + "\"default_branch\":\"main\",\"at_default_branch_tip\":"
              + (i % 2 == 0)
              + "}");
    }
    return lines.toString();
  }
}
