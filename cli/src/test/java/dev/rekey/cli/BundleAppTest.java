package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bundle-app} fixture: a Vite + React app built for real with source maps, scanned as a
 * project, as a build folder ({@code --bundle}) and as a site served on loopback ({@code --url}).
 * Each scan must yield exactly the findings in {@code expected-*.jsonl} (findings at {@code info},
 * such as publishable keys, aside), with the original source positions. Run with {@code
 * -Drekey.golden.update=true} to rewrite those files for review.
 */
class BundleAppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of("rule", "severity", "exposure", "path", "line", "column", "source");
  private static final List<String> LOCATION_FIELDS =
      List.of(
          "path",
          "line",
          "column",
          "source",
          "exposure",
          "original_path",
          "original_line",
          "original_column");

  @TempDir static Path temp;
  static Path app;

  @BeforeAll
  static void build() throws Exception {
    app = Fixtures.build("bundle-app", temp.resolve("bundle-app"));
  }

  @Test
  void theProjectScanFindsTheBuildOutputAndTheIgnoredEnvFile() throws Exception {
    check("expected-project.jsonl", Cli.run("scan", app.toString(), "--format", "jsonl"), "");
  }

  @Test
  void theBuildFolderAloneYieldsEveryPlantedKeyWithItsOriginalSource() throws Exception {
    check(
        "expected-bundle.jsonl",
        Cli.run("scan", "--bundle", app.resolve("dist").toString(), "--format", "jsonl"),
        "");
  }

  @Test
  void theSiteServedOnLoopbackYieldsTheSameKeys() throws Exception {
    HttpServer server =
        SimpleFileServer.createFileServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            app.resolve("dist"),
            SimpleFileServer.OutputLevel.NONE);
    server.start();
    try {
      String site = "http://127.0.0.1:" + server.getAddress().getPort();
      check("expected-url.jsonl", Cli.run("scan", "--url", site + "/", "--format", "jsonl"), site);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void minifiedLinesGiveShortSnippetsAndNoSecretInClear() throws Exception {
    Cli result = Cli.run("scan", "--bundle", app.resolve("dist").toString(), "--format", "json");
    JsonNode report = JSON.readTree(result.out());
    for (JsonNode finding : report.get("findings")) {
      for (JsonNode location : finding.get("locations")) {
        if (location.get("companion").asBoolean()) {
          continue; // the place of an identifier paired with the secret has no snippet
        }
        assertThat(location.get("snippet").asText())
            .hasSizeLessThan(140)
            .contains(finding.get("redacted").asText());
      }
    }
    assertThat(result.out())
        .doesNotContain("sk_live_51AIimmgbTApIfZzhjTqkcuDqw77xeYqyX7PpGrsXv0zZ");
  }

  /** Compares the findings but for {@code info} ones, which must not come from dependencies. */
  private static void check(String expectedFile, Cli result, String site) throws IOException {
    List<JsonNode> actual = new ArrayList<>();
    String out = site.isEmpty() ? result.out() : result.out().replace(site, "http://SITE");
    for (String line : out.lines().toList()) {
      JsonNode finding = JSON.readTree(line);
      assertThat(line).as("noise from the framework's code").doesNotContain("node_modules");
      if (!finding.get("severity").asText().equals("info")) {
        actual.add(project(finding));
      }
    }
    actual.sort(Comparator.comparing(JsonNode::toString));
    Path expected = Fixtures.testRepos().resolve("bundle-app").resolve(expectedFile);
    Golden.jsonLines(expected, actual, "stderr:\n" + result.err());
    assertThat(result.exitCode()).isEqualTo(1);
  }

  private static JsonNode project(JsonNode finding) {
    ObjectNode row = JSON.createObjectNode();
    FIELDS.forEach(field -> row.set(field, finding.get(field)));
    List<JsonNode> locations = new ArrayList<>();
    for (JsonNode location : finding.get("locations")) {
      ObjectNode place = JSON.createObjectNode();
      LOCATION_FIELDS.forEach(field -> place.set(field, location.get(field)));
      locations.add(place);
    }
    ArrayNode array = row.putArray("locations");
    locations.forEach(array::add);
    return row;
  }
}
