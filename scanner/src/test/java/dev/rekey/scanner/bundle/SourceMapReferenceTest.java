package dev.rekey.scanner.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SourceMapReferenceTest {

  private static @Nullable SourceMapReference findOrNull(String content) {
    return SourceMapReference.find(content.getBytes(StandardCharsets.UTF_8));
  }

  private static SourceMapReference find(String content) {
    return Objects.requireNonNull(findOrNull(content), "no reference found");
  }

  @Test
  void findsTheCommentThatEndsAScriptOrStylesheet() {
    SourceMapReference js = find("let a=1;\n//# sourceMappingURL=index-Dx.js.map\n");
    assertThat(js.url()).isEqualTo("index-Dx.js.map");
    assertThat(js.start()).isEqualTo(9);
    assertThat(find("a{color:red}\n/*# sourceMappingURL=a.css.map */\n").url())
        .isEqualTo("a.css.map");
    assertThat(find("x();\n//@ sourceMappingURL=old.map").url()).isEqualTo("old.map");
  }

  @Test
  void aMentionThatDoesNotEndTheFileIsNoReference() {
    assertThat(findOrNull("const s = \"//# sourceMappingURL=x.map\"; run(s);\n")).isNull();
    assertThat(findOrNull("//# sourceMappingURL=x.map\nmore();\n")).isNull();
    assertThat(findOrNull("x = 'sourceMappingURL=y.map'")).isNull();
  }

  @Test
  void decodesInlineMapsInBase64AndPercentEncoding() throws SourceMapException {
    String map = "{\"version\":3,\"mappings\":\"\"}";
    String base64 = Base64.getEncoder().encodeToString(map.getBytes(StandardCharsets.UTF_8));
    SourceMapReference inline =
        find("x();\n//# sourceMappingURL=data:application/json;charset=utf-8;base64," + base64);
    assertThat(inline.isInline()).isTrue();
    assertThat(new String(inline.inlineMap(), StandardCharsets.UTF_8)).isEqualTo(map);
    SourceMapReference percent =
        find("x();\n//# sourceMappingURL=data:application/json,%7B%22version%22%3A3%7D");
    assertThat(new String(percent.inlineMap(), StandardCharsets.UTF_8))
        .isEqualTo("{\"version\":3}");
  }
}
