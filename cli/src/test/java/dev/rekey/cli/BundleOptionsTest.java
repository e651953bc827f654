package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleOptionsTest {
  private static final String STRIPE =
      "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";

  @TempDir Path dir;

  @Test
  void aBundleAloneScansOnlyTheBundleWithPathsFromItsParent() throws Exception {
    Files.createDirectories(dir.resolve("app/dist/assets"));
    Files.writeString(dir.resolve("app/dist/assets/a.js"), "const k=\"" + STRIPE + "\";");
    Files.writeString(dir.resolve("app/server.js"), "const k=\"" + STRIPE + "\";");

    Cli result = Cli.run("scan", "--bundle", dir.resolve("app/dist").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("exposure     public", "dist/assets/a.js:1:10 [bundle, public]")
        .doesNotContain("server.js");
  }

  @Test
  void aBundleAndAPathScanBoth() throws Exception {
    Files.createDirectories(dir.resolve("dist"));
    Files.writeString(dir.resolve("dist/a.js"), "const k=\"" + STRIPE + "\";");
    Files.writeString(dir.resolve("server.js"), "const k=\"" + STRIPE + "\";");
    Path elsewhere = Files.createDirectories(dir.resolve("other"));
    Files.writeString(elsewhere.resolve("x.js"), "const k=\"" + STRIPE + "\";");

    Cli result = Cli.run("scan", elsewhere.toString(), "--bundle", dir.resolve("dist").toString());

    assertThat(result.out())
        .contains("x.js:1:10 [worktree, local]", "dist/a.js:1:10 [bundle, public]");
  }

  @Test
  void aMissingBundleOrABadUrlIsAUsageError() {
    Cli missing = Cli.run("scan", "--bundle", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope: no such build folder");
    Cli url = Cli.run("scan", "--url", "file:///etc/passwd");
    assertThat(url.exitCode()).isEqualTo(2);
    assertThat(url.err()).contains("not an http or https URL");
  }

  @Test
  void anUnreachableSiteIsAnOperationalError() {
    Cli result = Cli.run("scan", "--url", "http://127.0.0.1:1/");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot fetch: connection refused");
  }
}
