package dev.rekey.scanner.bundle;

import static dev.rekey.scanner.bundle.Keys.at;
import static dev.rekey.scanner.bundle.Keys.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSourceTest {
  @TempDir Path root;

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private ScanResult scan(String dir) throws Exception {
    return Keys.scan(BundleSource.of(root.resolve(dir), ScanSettings.defaults()));
  }

  /** Minified code with {@code key} at 0-based column 19. */
  private static String minified(String key) {
    return "(()=>{const e=1,t=\"" + key + "\";fetch(t)})();";
  }

  @Test
  void findingsInGeneratedCodeMapBackToTheOriginalSource() throws Exception {
    String keys = "// keys\n\nexport const key = \"" + Keys.STRIPE + "\";\n";
    String mappings = new MapWriter().map(0, 0, 0, 0, 0).map(0, 19, 0, 2, 19).mappings();
    write("dist/assets/app.js", minified(Keys.STRIPE) + "\n//# sourceMappingURL=app.js.map\n");
    write(
        "dist/assets/app.js.map", Keys.map(List.of("../../src/keys.js"), List.of(keys), mappings));

    Finding stripe = finding(scan("dist"), "stripe.secret-key");

    assertThat(stripe.exposure()).isEqualTo(Exposure.PUBLIC);
    Location generated = at(stripe, "dist/assets/app.js");
    assertThat(generated.line()).isEqualTo(1);
    assertThat(generated.column()).isEqualTo(20);
    assertThat(generated.original()).isEqualTo(new OriginalPosition("src/keys.js", 3, 20));
    Location embedded = at(stripe, "src/keys.js");
    assertThat(embedded.provenance().container()).isEqualTo("dist/assets/app.js.map");
    assertThat(List.of(embedded.line(), embedded.column()))
        .as("the position in the original source, not in the one-line map")
        .containsExactly(3, 21);
    assertThat(embedded.original()).isEqualTo(new OriginalPosition("src/keys.js", 3, 21));
    assertThat(embedded.exposure()).isEqualTo(Exposure.PUBLIC);
    assertThat(stripe.locations()).hasSize(2);
  }

  @Test
  void aHiddenMapBesideTheScriptIsUsedToo() throws Exception {
    String mappings = new MapWriter().map(0, 19, 0, 6, 4).mappings();
    write("build/static/js/main.js", minified(Keys.OPENAI));
    write(
        "build/static/js/main.js.map",
        Keys.map(List.of("../../../src/ai.js"), List.of(), mappings));

    Location generated = at(finding(scan("build"), "openai.api-key"), "build/static/js/main.js");

    assertThat(generated.original()).isEqualTo(new OriginalPosition("src/ai.js", 7, 5));
  }

  /** Regression, issue 13: Turbopack's chunk names hold brackets, escaped in the reference. */
  @Test
  void anEscapedReferenceNamesTheMapFile() throws Exception {
    String mappings = new MapWriter().map(0, 19, 0, 2, 6).mappings();
    write(
        ".next/server/chunks/[root-of-the-server]__0a._.js",
        minified(Keys.OPENAI) + "\n//# sourceMappingURL=%5Broot-of-the-server%5D__0a._.js.map");
    write(
        ".next/server/chunks/[root-of-the-server]__0a._.js.map",
        Keys.map(List.of("../../../app/api/route.js"), List.of(), mappings));

    Location generated =
        at(
            finding(scan(".next"), "openai.api-key"),
            ".next/server/chunks/[root-of-the-server]__0a._.js");

    assertThat(generated.original()).isEqualTo(new OriginalPosition("app/api/route.js", 3, 7));
  }

  @Test
  void aRootPathReferenceResolvesFromTheBuildFolder() throws Exception {
    String mappings = new MapWriter().map(0, 19, 0, 1, 8).mappings();
    write("dist/assets/app.js", minified(Keys.OPENAI) + "\n//# sourceMappingURL=/maps/app.js.map");
    write("dist/maps/app.js.map", Keys.map(List.of("../../src/ai.js"), List.of(), mappings));

    Location generated = at(finding(scan("dist"), "openai.api-key"), "dist/assets/app.js");

    assertThat(generated.original()).isEqualTo(new OriginalPosition("src/ai.js", 2, 9));
  }

  @Test
  void inlineMapsAreDecodedAndNotScannedAsText() throws Exception {
    String source = "const key =\n  \"" + Keys.ANTHROPIC + "\";\n";
    String map =
        Keys.map(
            List.of("src/admin.js"),
            List.of(source),
            new MapWriter().map(0, 19, 0, 1, 2).mappings());
    String data = Base64.getEncoder().encodeToString(map.getBytes(StandardCharsets.UTF_8));
    write(
        "out/chunk.js",
        minified(Keys.ANTHROPIC) + "\n//# sourceMappingURL=data:application/json;base64," + data);

    Finding anthropic = finding(scan("out"), "anthropic.api-key");

    assertThat(anthropic.locations())
        .extracting(
            l -> l.provenance().path(),
            l -> l.provenance().container(),
            Location::line,
            Location::original)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "out/chunk.js", null, 1, new OriginalPosition("out/src/admin.js", 2, 3)),
            org.assertj.core.groups.Tuple.tuple(
                "out/src/admin.js",
                "out/chunk.js",
                2,
                new OriginalPosition("out/src/admin.js", 2, 4)));
  }

  @Test
  void serverChunksOfNextAreServerAndKeepTheirSeverity() throws Exception {
    write(".next/static/chunks/pages/index.js", "const a=\"" + Keys.RESTRICTED + "\";");
    write(".next/server/pages/api/pay.js", "const b=\"" + Keys.STRIPE + "\";");
    write(".next/cache/webpack/0.pack", "const c=\"" + Keys.OPENAI + "\";");

    ScanResult result = scan(".next");

    Finding restricted = finding(result, "stripe.restricted-key");
    assertThat(restricted.exposure()).isEqualTo(Exposure.PUBLIC);
    assertThat(restricted.severity()).as("high, shipped to browsers").isEqualTo(Severity.CRITICAL);
    Finding secret = finding(result, "stripe.secret-key");
    assertThat(secret.exposure()).isEqualTo(Exposure.SERVER);
    assertThat(result.findings()).noneMatch(f -> f.rule().id().equals("openai.api-key"));
  }

  @Test
  void aBrokenMapIsScannedAsTextAndTheCodeStillReported() throws Exception {
    write("dist/a.js", minified(Keys.STRIPE) + "\n//# sourceMappingURL=a.js.map");
    write("dist/a.js.map", "{ not json " + Keys.OPENAI);

    ScanResult result = scan("dist");

    assertThat(at(finding(result, "stripe.secret-key"), "dist/a.js").original()).isNull();
    assertThat(at(finding(result, "openai.api-key"), "dist/a.js.map").line()).isEqualTo(1);
    assertThat(result.incomplete()).isFalse();
  }

  @Test
  void filesOverTheSizeLimitAreSkippedAndSaidSo() throws Exception {
    write("dist/big.js", minified(Keys.STRIPE) + " ".repeat(500));
    ScanResult result =
        Keys.scan(
            BundleSource.of(root.resolve("dist"), ScanSettings.defaults().withMaxBlobBytes(200)));
    assertThat(result.findings()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("dist/big.js");
              assertThat(p.message()).contains("larger than the size limit");
              assertThat(p.isError()).isFalse();
            });
  }
}
