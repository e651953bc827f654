package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code next-app} fixture: a Next.js App Router app built for real by {@code next build} with
 * Turbopack and with webpack, scanned from disk as a project and over {@code --url} against a real
 * {@code next start} on loopback. Each scan must yield exactly the findings in {@code
 * expected-*.jsonl}, with exposures and original source positions; the most exposed place must come
 * first. Generated file names and positions in generated code are not compared (webpack's depend on
 * where the app is built); the original positions are. Run with {@code -Drekey.golden.update=true}
 * to rewrite the expected files for review.
 */
class NextAppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS = List.of("rule", "severity", "exposure", "source");
  private static final List<String> LOCATION_FIELDS =
      List.of(
          "path",
          "container",
          "line",
          "column",
          "source",
          "exposure",
          "original_path",
          "original_line",
          "original_column");

  /** A generated file: its name (a content hash) depends on the bundler and the build. */
  private static final Pattern GENERATED = Pattern.compile("^(\\.next/|https?://)");

  /** The bundlers Next.js builds with. */
  enum Bundler {
    TURBOPACK,
    WEBPACK;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @TempDir static Path temp;

  @BeforeAll
  static void build() throws Exception {
    for (Bundler bundler : Bundler.values()) {
      Fixtures.build("next-app", app(bundler), Duration.ofMinutes(10), bundler.label());
    }
  }

  private static Path app(Bundler bundler) {
    return temp.resolve(bundler.label());
  }

  @ParameterizedTest
  @EnumSource(Bundler.class)
  void theProjectScanShowsWhereEachKeyShipsAndWhereItCameFrom(Bundler bundler) throws Exception {
    Cli result = Cli.run("scan", app(bundler).toString(), "--format", "jsonl");
    check("expected-project-" + bundler.label() + ".jsonl", result, "");
  }

  @ParameterizedTest
  @EnumSource(Bundler.class)
  void theSiteServedByNextStartYieldsTheKeyItShips(Bundler bundler) throws Exception {
    try (NextServer server = NextServer.start(app(bundler))) {
      Cli result = Cli.run("scan", "--url", server.url() + "/", "--format", "jsonl");
      check("expected-url-" + bundler.label() + ".jsonl", result, server.url());
    }
  }

  private static void check(String expectedFile, Cli result, String site) throws IOException {
    String out = site.isEmpty() ? result.out() : result.out().replace(site, "http://SITE");
    List<JsonNode> actual = new ArrayList<>();
    for (String line : out.lines().toList()) {
      assertThat(line).as("noise from the framework's code").doesNotContain("node_modules");
      JsonNode finding = JSON.readTree(line);
      assertMostExposedFirst(finding);
      actual.add(project(finding));
    }
    actual.sort(Comparator.comparing(JsonNode::toString));
    Path expected = Fixtures.testRepos().resolve("next-app").resolve(expectedFile);
    Golden.jsonLines(expected, actual, "stderr:\n" + result.err());
    assertThat(result.exitCode()).isEqualTo(1);
  }

  /** The primary location is the first, and exposures never widen down the list. */
  private static void assertMostExposedFirst(JsonNode finding) {
    List<String> order = List.of("public", "server", "history", "local");
    JsonNode locations = finding.get("locations");
    assertThat(finding.get("path")).isEqualTo(locations.get(0).get("path"));
    List<Integer> ranks = new ArrayList<>();
    locations.forEach(l -> ranks.add(order.indexOf(l.get("exposure").asText())));
    assertThat(ranks).as("exposures of %s", finding.get("rule")).isSorted();
  }

  /** The compared fields, generated file names and positions left out; locations sorted. */
  private static JsonNode project(JsonNode finding) {
    ObjectNode row = JSON.createObjectNode();
    FIELDS.forEach(field -> row.set(field, finding.get(field)));
    row.put("primary", generic(finding.get("path").asText()));
    List<JsonNode> locations = new ArrayList<>();
    for (JsonNode location : finding.get("locations")) {
      ObjectNode place = JSON.createObjectNode();
      LOCATION_FIELDS.forEach(field -> place.set(field, location.get(field)));
      if (GENERATED.matcher(location.get("path").asText()).find()) {
        place.put("path", generic(location.get("path").asText()));
        place.remove(List.of("line", "column"));
      }
      String container = location.path("container").asText("");
      if (!container.isEmpty()) {
        place.put("container", generic(container));
      }
      locations.add(place);
    }
    locations.sort(Comparator.comparing(JsonNode::toString));
    ArrayNode array = row.putArray("locations");
    locations.forEach(array::add);
    return row;
  }

  /** {@code .next/static/chunks/0a1b2c.js} → {@code .next/static/chunks/*.js}. */
  private static String generic(String path) {
    if (!GENERATED.matcher(path).find()) {
      return path;
    }
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    int dot = name.indexOf('.', Math.max(0, name.lastIndexOf('_') + 1));
    String extension = dot < 0 ? "" : name.substring(dot);
    return path.substring(0, slash + 1) + "*" + extension;
  }
}
