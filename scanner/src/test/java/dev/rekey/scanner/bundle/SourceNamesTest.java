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
}
