package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekey.scanner.report.AuditReport;
import dev.rekey.scanner.report.AuditReportReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTML report in a real browser: Debian's chromium, headless, driven by playwright-core ({@code
 * src/test/browser/check-report.mjs}, both installed by {@code scripts/test-servers.sh}). The pages
 * of the {@code history}, {@code bundle-app} and {@code report-injection} fixtures and of a
 * hand-made hostile report must show their five sections, one row per finding in priority order
 * with its rotate command, filter and sort, and run no script but their own, open no dialog, log no
 * error and request nothing. Screenshots are kept in {@code cli/target/browser/}.
 */
class HtmlReportBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SECTIONS =
      List.of("summary", "timeline", "findings", "details", "scanned");

  @TempDir static Path temp;
  static final Map<String, AuditReport> REPORTS = new LinkedHashMap<>();
  static final Map<String, JsonNode> SEEN = new LinkedHashMap<>();

  @BeforeAll
  static void renderAndBrowse() throws Exception {
    Path shots = Fixtures.repoRoot().resolve("cli/target/browser");
    Files.createDirectories(shots);
    ArrayNode pages = JSON.createArrayNode();
    pages
        .addObject()
        .put("name", "history")
        .put("file", scanned("history", "history").toString())
        .put("dark", true);
    fixture("bundle-app", "bundle-app");
    Path bundleApp = reported("bundle-app", temp.resolve("bundle-app.json"));
    pages.addObject().put("name", "bundle-app").put("file", bundleApp.toString());
    Path injection = scanned("injection", "report-injection");
    pages.addObject().put("name", "injection").put("file", injection.toString());
    Path hostile = reported("hostile", ReportCommandTest.hostile());
    pages.addObject().put("name", "hostile").put("file", hostile.toString());
    Path control = temp.resolve("control.html");
    Files.writeString(
        control, "<img src=\"http://127.0.0.1:9/x.png\"><script>alert('control')</script>");
    pages.addObject().put("name", "control").put("file", control.toString()).put("control", true);
    ObjectNode config = JSON.createObjectNode();
    config.put("chromium", env("REKEY_IT_CHROMIUM")).put("playwright", env("REKEY_IT_PLAYWRIGHT"));
    config.put("shots", shots.toString()).set("pages", pages);
    for (JsonNode result : browse(config)) {
      SEEN.put(result.get("name").asText(), result);
    }
  }

  /** Builds a fixture and writes its JSON report; returns the repository. */
  private static Path fixture(String name, String fixture) throws Exception {
    Path repo = Fixtures.build(fixture, temp.resolve(name));
    Path json = temp.resolve(name + ".json");
    Cli scan = Cli.run("scan", repo.toString(), "--format", "json", "-o", json.toString());
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
    REPORTS.put(name, AuditReportReader.read(json));
    return repo;
  }

  /** The page {@code rekey scan --format html} writes for a fixture. */
  private static Path scanned(String name, String fixture) throws Exception {
    Path repo = fixture(name, fixture);
    Path html = temp.resolve(name + ".html");
    Cli page = Cli.run("scan", repo.toString(), "--format", "html", "-o", html.toString());
    assertThat(page.exitCode()).as(page.err()).isEqualTo(1);
    return html;
  }

  /** The page {@code rekey report} renders from a JSON report. */
  private static Path reported(String name, Path json) throws Exception {
    REPORTS.put(name, AuditReportReader.read(json));
    Path html = temp.resolve(name + ".html");
    Cli page = Cli.run("report", json.toString(), "-o", html.toString());
    assertThat(page.exitCode()).as(page.err()).isZero();
    return html;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    assertThat(value).as("%s: run the integration tests through ./test.sh", name).isNotBlank();
    return value;
  }

  private static JsonNode browse(ObjectNode config) throws Exception {
    Path file = temp.resolve("browser.json");
    JSON.writeValue(file.toFile(), config);
    Path script = Fixtures.repoRoot().resolve("cli/src/test/browser/check-report.mjs");
    Process node =
        new ProcessBuilder("node", script.toString(), file.toString())
            .redirectError(temp.resolve("browser.log").toFile())
            .start();
    byte[] out = node.getInputStream().readAllBytes();
    assertThat(node.waitFor(240, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(temp.resolve("browser.log"), StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as("check-report.mjs failed:%n%s", log).isZero();
    return JSON.readTree(out);
  }

  static Stream<String> pages() {
    return Stream.of("history", "bundle-app", "injection", "hostile");
  }

  @ParameterizedTest
  @MethodSource("pages")
  void fiveSectionsAndOneRowPerFindingInPriorityOrderWithItsRotateCommand(String name) {
    JsonNode page = seen(name);
    List<AuditReport.Entry> expected = report(name).prioritised();
    assertThat(texts(page.get("sections"))).isEqualTo(SECTIONS);
    List<String> ids = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    page.get("rows").forEach(r -> ids.add(r.get("id").asText()));
    page.get("rows").forEach(r -> commands.add(r.get("command").asText()));
    assertThat(ids).isEqualTo(expected.stream().map(AuditReport.Entry::shortId).toList());
    assertThat(commands)
        .isEqualTo(expected.stream().map(AuditReport.Entry::rotateCommand).toList());
    assertThat(page.get("articles").asInt()).isEqualTo(expected.size());
    long dated = expected.stream().filter(e -> e.introduced() != null).count();
    assertThat(page.get("timelineRows").asLong()).isEqualTo(dated);
    long removed =
        expected.stream().filter(e -> e.spread() != null && e.spread().leftTip() != null).count();
    assertThat(page.get("leftBars").asLong()).isEqualTo(removed);
    assertThat(page.get("status").asText())
        .isEqualTo("Showing " + expected.size() + " of " + expected.size() + " findings");
  }

  @ParameterizedTest
  @MethodSource("pages")
  void eachFilterKeepsExactlyTheMatchingRows(String name) {
    JsonNode seen = seen(name).get("interactions");
    List<AuditReport.Entry> findings = report(name).prioritised();
    filtered(seen.get("severity"), findings, e -> e.severity().label());
    filtered(seen.get("exposure"), findings, e -> e.exposure().label());
    assertThat(seen.get("provider").size())
        .isEqualTo(findings.stream().map(AuditReport.Entry::provider).distinct().count());
    filtered(seen.get("provider"), findings, AuditReport.Entry::provider);
    assertThat(texts(seen.get("withoutCritical")))
        .isEqualTo(ids(findings.stream().filter(e -> !e.severity().label().equals("critical"))));
    assertThat(texts(seen.get("afterReset"))).isEqualTo(ids(findings.stream()));
  }

  /** Each filter value the page was set to showed exactly the findings with that value. */
  private static void filtered(
      JsonNode shown, List<AuditReport.Entry> findings, Function<AuditReport.Entry, String> value) {
    shown
        .properties()
        .forEach(
            f ->
                assertThat(texts(f.getValue()))
                    .as(f.getKey())
                    .isEqualTo(
                        ids(findings.stream().filter(e -> value.apply(e).equals(f.getKey())))));
  }

  @ParameterizedTest
  @MethodSource("pages")
  void sortsMovesByKeyboardPrintsWithoutControlsAndFollowsTheDarkScheme(String name) {
    JsonNode page = seen(name);
    JsonNode seen = page.get("interactions");
    List<Integer> places = new ArrayList<>();
    seen.get("byPlaces").forEach(n -> places.add(n.asInt()));
    assertThat(places).isSortedAccordingTo((a, b) -> b - a);
    String second = page.get("rows").size() > 1 ? page.get("rows").get(1).get("id").asText() : null;
    assertThat(seen.get("focused").isNull() ? null : seen.get("focused").asText())
        .isEqualTo(second == null ? page.get("rows").get(0).get("id").asText() : second);
    assertThat(page.at("/media/printFilters").asText()).isEqualTo("none");
    assertThat(page.at("/media/printed/body").asText()).isEqualTo("rgb(255, 255, 255)");
    assertThat(page.at("/media/printed/text").asText()).isEqualTo("rgb(0, 0, 0)");
    assertThat(page.at("/media/printed/cmd").asText()).isEqualTo("rgb(0, 0, 0)");
    assertThat(page.at("/media/dark").asText()).isNotEqualTo(page.at("/media/light").asText());
    assertThat(page.get("filtersShown").asBoolean()).isTrue();
    assertThat(page.at("/noScript/filtersShown").asBoolean()).isFalse();
    assertThat(page.at("/noScript/rows").asInt()).isEqualTo(page.get("rows").size());
    assertThat(texts(page.at("/noScript/sections"))).isEqualTo(SECTIONS);
  }

  @ParameterizedTest
  @MethodSource("pages")
  void runsOnlyItsOwnScriptAndRequestsNothing(String name) {
    JsonNode page = seen(name);
    assertThat(texts(page.at("/seen/requests"))).as("network requests").isEmpty();
    assertThat(texts(page.at("/seen/dialogs"))).as("dialogs").isEmpty();
    assertThat(texts(page.at("/seen/console"))).as("console errors and warnings").isEmpty();
    assertThat(texts(page.at("/seen/errors"))).as("page errors").isEmpty();
    assertThat(texts(page.get("violations"))).as("policy violations").isEmpty();
    assertThat(page.get("scripts").asInt()).isEqualTo(1);
    assertThat(page.at("/injected/elements").asInt()).isZero();
    assertThat(page.at("/injected/handlers").asInt()).isZero();
    assertThat(page.at("/injected/scriptUrls").asInt()).isZero();
  }

  @Test
  void hostileTextIsShownAsText() {
    assertThat(seen("injection").get("body").asText())
        .contains("src/<script>alert(\"path\")</script>.js:1:14")
        .contains("config/\"><img src=x onerror=alert(3)>.env:1:14")
        .contains("Mallory \" onmouseover=\"alert(1)\" data-x=")
        .contains("refs/tags/v1<script>alert(11)</script>");
    assertThat(seen("hostile").get("body").asText())
        .contains("<script>alert(\"f1-path\")</script>\"><img src=x onerror=alert('f1-path')>")
        .contains("<script>alert(\"f1-author\")</script>")
        .doesNotContain("\u202e");
  }

  @Test
  void theTimelineAndTheTableSayWhenASecretLeftTheTip() {
    assertThat(seen("injection").get("leftBars").asInt()).isEqualTo(1);
    assertThat(seen("injection").get("body").asText()).contains("removed from main 2024-01-06");
  }

  @Test
  void theWatchSeesARequestAndADialogWhenAPageMakesThem() {
    JsonNode control = seen("control").get("seen");
    assertThat(texts(control.get("requests"))).contains("http://127.0.0.1:9/x.png");
    assertThat(texts(control.get("dialogs"))).contains("alert: control");
  }

  private static JsonNode seen(String page) {
    return Objects.requireNonNull(SEEN.get(page), page);
  }

  private static AuditReport report(String page) {
    return Objects.requireNonNull(REPORTS.get(page), page);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> ids(Stream<AuditReport.Entry> findings) {
    return findings.map(AuditReport.Entry::shortId).toList();
  }
}
