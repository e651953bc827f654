package dev.rekey.scanner.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceNamesTest {

  @Test
  void relativeNamesResolveAgainstTheMapsFolder() {
    assertThat(SourceNames.resolve("dist/assets", null, "../../src/App.jsx", "/repo"))
        .isEqualTo("src/App.jsx");
    assertThat(SourceNames.resolve("dist/assets", "../..", "src/App.jsx", "/repo"))
        .isEqualTo("src/App.jsx");
    assertThat(SourceNames.resolve("dist", null, "../../outside/x.js", "/repo"))
        .as("outside the root on disk")
        .isEqualTo("../outside/x.js");
  }

  @Test
  void onASiteDotDotStopsAtTheRootAsInUrls() {
    assertThat(SourceNames.resolve("assets", null, "../../src/App.jsx", null))
        .isEqualTo("src/App.jsx");
    assertThat(SourceNames.resolve("assets", null, "/src/App.jsx", null)).isEqualTo("src/App.jsx");
  }

  @Test
  void schemesAndAbsolutePathsAreMadeRelative() {
    assertThat(SourceNames.resolve("dist", null, "webpack://my-app/./src/x.js", "/repo"))
        .isEqualTo("src/x.js");
    assertThat(SourceNames.resolve("dist", null, "webpack:///src/x.js", "/repo"))
        .isEqualTo("src/x.js");
    assertThat(SourceNames.resolve("dist", null, "file:///repo/src/x.js", "/repo"))
        .isEqualTo("src/x.js");
    assertThat(SourceNames.resolve("dist", null, "/elsewhere/x.js", "/repo"))
        .isEqualTo("/elsewhere/x.js");
  }

  /** Regression, issue 13: Turbopack's client maps name sources from the project's root. */
  @Test
  void turbopacksProjectPrefixIsTheRoot() {
    assertThat(
            SourceNames.resolve(
                ".next/static/chunks",
                null,
                "turbopack:///[project]/app/components/ChatBox.tsx",
                "/repo"))
        .isEqualTo("app/components/ChatBox.tsx");
    assertThat(
            SourceNames.resolve("_next/static/chunks", null, "turbopack:///[project]/a.js", null))
        .isEqualTo("a.js");
  }

  @Test
  void percentEscapesAreDecodedUnlessMalformed() {
    assertThat(
            SourceNames.resolve(
                ".next/server/chunks",
                null,
                "../../../node_modules/next/dist/compiled/%40edge-runtime/cookies/index.js",
                "/repo"))
        .isEqualTo("node_modules/next/dist/compiled/@edge-runtime/cookies/index.js");
    assertThat(SourceNames.decode("%5Broot%5D__x._.js.map")).isEqualTo("[root]__x._.js.map");
    assertThat(SourceNames.decode("100%-done.js")).isEqualTo("100%-done.js");
  }
}
