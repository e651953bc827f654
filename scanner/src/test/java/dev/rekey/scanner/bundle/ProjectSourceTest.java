package dev.rekey.scanner.bundle;

import static dev.rekey.scanner.bundle.Keys.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.Sources;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.model.SourceKind;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSourceTest {
  @TempDir Path root;

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void git(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("git %s", List.of(args)).isZero();
  }

  private ScanResult scanProject() throws Exception {
    List<Source> sources = Sources.forPath(root, ScanSettings.defaults().withThreads(2));
    return Keys.scan(sources.toArray(Source[]::new));
  }

  private void writeApp() throws IOException {
    write(
        "package.json",
        "{\"dependencies\":{\"react\":\"19.2.3\"},\"devDependencies\":{\"vite\":\"7\"}}");
    write(".gitignore", "dist\n*.local\nnode_modules\n");
    write("src/keys.js", "export const key = \"" + Keys.STRIPE + "\";\n");
    write("public/config.js", "window.key = \"" + Keys.RESTRICTED + "\";\n");
    write("dist/assets/app.js", "const k=\"" + Keys.STRIPE + "\";\n");
    write(
        ".env.local", "SERVER_ONLY=" + Keys.ANTHROPIC + "\nVITE_OPENAI_KEY=" + Keys.OPENAI + "\n");
  }

  @Test
  void ignoredBuildOutputIsScannedAsABundleAndIgnoredEnvFilesAtInfoButForBrowserVariables()
      throws Exception {
    writeApp();
    git("init", "-q");
    git("add", "-A");

    ScanResult result = scanProject();

    Finding stripe = finding(result, "stripe.secret-key");
    assertThat(stripe.locations())
        .extracting(l -> l.provenance().path(), l -> l.provenance().kind(), Location::exposure)
        .as("the most exposed place first")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dist/assets/app.js", SourceKind.BUNDLE, Exposure.PUBLIC),
            org.assertj.core.groups.Tuple.tuple(
                "src/keys.js", SourceKind.WORKTREE, Exposure.SERVER));
    assertThat(stripe.exposure()).isEqualTo(Exposure.PUBLIC);

    Finding restricted = finding(result, "stripe.restricted-key");
    assertThat(restricted.locations()).as("once, as a bundle file").hasSize(1);
    assertThat(restricted.primary().provenance().kind()).isEqualTo(SourceKind.BUNDLE);
    assertThat(restricted.severity()).isEqualTo(Severity.CRITICAL);

    Finding openai = finding(result, "openai.api-key");
    assertThat(openai.primary().provenance().path()).isEqualTo(".env.local");
    assertThat(openai.primary().line()).isEqualTo(2);
    assertThat(openai.primary().column()).isEqualTo(17);
    assertThat(openai.exposure()).isEqualTo(Exposure.PUBLIC);
    Finding serverOnly = finding(result, "anthropic.api-key");
    assertThat(serverOnly.severity())
        .as("a server-only variable of an ignored env file is where it belongs")
        .isEqualTo(Severity.INFO);
    assertThat(serverOnly.exposure()).isEqualTo(Exposure.LOCAL);
    assertThat(serverOnly.primary().provenance().path()).isEqualTo(".env.local");
  }

  @Test
  void outsideGitEveryFileIsLocalButBuildOutputIsPublic() throws Exception {
    writeApp();

    ScanResult result = scanProject();

    assertThat(finding(result, "anthropic.api-key").exposure()).isEqualTo(Exposure.LOCAL);
    assertThat(finding(result, "openai.api-key").exposure()).isEqualTo(Exposure.PUBLIC);
    assertThat(finding(result, "stripe.secret-key").exposure()).isEqualTo(Exposure.PUBLIC);
    assertThat(finding(result, "stripe.restricted-key").locations()).hasSize(1);
  }

  /**
   * Regression, issue 13: a widget build committed under {@code web/dist/assets/} with its map, no
   * index.html and no front-end package.json beside it, was scanned as a plain server file.
   */
  @Test
  void bundlesAreKnownByWhatTheyAreWhereverTheyLie() throws Exception {
    String mappings = new MapWriter().map(1, 19, 0, 4, 8).mappings();
    for (String dir : List.of("web/dist/assets", "embed/static")) {
      write(
          dir + "/widget.js",
          "/*! widget */\n(()=>{const e=1,t=\""
              + Keys.STRIPE
              + "\";fetch(t)})();\n//# sourceMappingURL=widget.js.map\n");
      write(dir + "/widget.js.map", Keys.map(List.of("../../src/pay.ts"), List.of(), mappings));
    }
    write("tools/cli.js", "#!/usr/bin/env node\n" + GeneratedCodeTest.minified(20) + Keys.OPENAI);
    write("tools/cli.js.map", Keys.map(List.of("cli.ts"), List.of(), ""));
    git("init", "-q");
    git("add", "-A");

    ScanResult result = scanProject();

    Finding stripe = finding(result, "stripe.secret-key");
    assertThat(stripe.locations())
        .extracting(l -> l.provenance().path(), Location::exposure, Location::original)
        .containsExactlyInAnyOrder(
            tuple(
                "web/dist/assets/widget.js",
                Exposure.PUBLIC,
                new OriginalPosition("web/src/pay.ts", 5, 9)),
            tuple(
                "embed/static/widget.js",
                Exposure.PUBLIC,
                new OriginalPosition("src/pay.ts", 5, 9)));
    assertThat(stripe.locations()).allMatch(l -> l.provenance().kind() == SourceKind.BUNDLE);
    Finding openai = finding(result, "openai.api-key");
    assertThat(openai.primary().provenance().kind()).isEqualTo(SourceKind.BUNDLE);
    assertThat(openai.exposure()).as("clearly server code").isEqualTo(Exposure.SERVER);
  }

  /** Regression, issue 13: a library built by tsup into an ignored dist/ was not build output. */
  @Test
  void anIgnoredLibraryBuildIsScannedAsABundle() throws Exception {
    write("package.json", "{\"devDependencies\":{\"tsup\":\"8.5.0\"}}");
    write(".gitignore", "dist\n");
    write("dist/index.mjs", "export const key = \"" + Keys.STRIPE + "\";\n");
    git("init", "-q");
    git("add", "-A");

    Finding stripe = finding(scanProject(), "stripe.secret-key");

    assertThat(stripe.primary().provenance().path()).isEqualTo("dist/index.mjs");
    assertThat(stripe.exposure()).isEqualTo(Exposure.PUBLIC);
  }
}
