package dev.rekey.scanner.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeneratedCodeTest {
  /** A minified module as esbuild or terser writes it, {@code times} statements long. */
  static String minified(int times) {
    StringBuilder code = new StringBuilder("/*! widget v1.2.0 | MIT */\n");
    for (int i = 0; i < times; i++) {
      code.append("var a").append(i).append("=function(e,t){return e&&t?{k:e[t],v:[t,e]}:null};");
    }
    return code.append('\n').toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void minifiedCodeAndCodeWithASourceMapReferenceAreGenerated() {
    assertThat(GeneratedCode.isGenerated(bytes(minified(40)))).isTrue();
    assertThat(
            GeneratedCode.isGenerated(bytes("export const a = 1;\n//# sourceMappingURL=a.js.map")))
        .isTrue();
  }

  @Test
  void handWrittenCodeIsNotEvenWithALongLiteral() {
    String handWritten =
        "import { x } from './x.js';\n\nexport function f(a, b) {\n  return x(a) + b;\n}\n";
    assertThat(GeneratedCode.isGenerated(bytes(handWritten.repeat(20)))).isFalse();
    String image =
        "export const logo =\n  \"data:image/png;base64," + "iVBORw0KGgo".repeat(300) + "\";\n";
    assertThat(GeneratedCode.isGenerated(bytes(image))).as("a data URI is no code").isFalse();
    assertThat(GeneratedCode.isGenerated(bytes("short;"))).isFalse();
  }

  @Test
  void serverCodeIsToldByItsPlaceItsShebangAndNodesOwnModules() {
    byte[] browser = bytes(minified(3));
    assertThat(GeneratedCode.isServerCode("web/assets/widget.js", browser)).isFalse();
    assertThat(GeneratedCode.isServerCode("build/server/entry.js", browser)).isTrue();
    assertThat(GeneratedCode.isServerCode("bin/cli.js", bytes("#!/usr/bin/env node\nrun();")))
        .isTrue();
    assertThat(GeneratedCode.isServerCode("a.js", bytes("var f=require(\"fs\");"))).isTrue();
    assertThat(GeneratedCode.isServerCode("a.mjs", bytes("import{readFile}from\"node:fs\";")))
        .isTrue();
    assertThat(GeneratedCode.isServerCode("a.js", bytes("var f=require(\"fs-extra-ui\");")))
        .isFalse();
  }

  @Test
  void sourceMapsAreToldFromOtherJson() {
    assertThat(GeneratedCode.isSourceMap(bytes("{\"version\":3,\"sources\":[],\"mappings\":\"\"}")))
        .isTrue();
    assertThat(GeneratedCode.isSourceMap(bytes("{\"version\":3,\"sections\":[]}"))).isTrue();
    assertThat(GeneratedCode.isSourceMap(bytes("{\"name\":\"x\",\"version\":\"1.0.0\"}")))
        .isFalse();
    assertThat(GeneratedCode.isSourceMap(bytes("not json"))).isFalse();
  }
}
