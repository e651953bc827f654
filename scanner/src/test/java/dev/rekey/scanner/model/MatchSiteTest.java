package dev.rekey.scanner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.LineIndex;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class MatchSiteTest {
  private static final String STRIPE =
      "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";
  private static final String OPENAI =
      "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";
  private static final Engine ENGINE = new Engine(RuleCatalog.builtIn());

  private static List<MatchSite> sites(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Match> matches = ENGINE.detect(bytes);
    LineIndex lines = LineIndex.of(bytes);
    return matches.stream().map(m -> MatchSite.of(bytes, lines, m, matches)).toList();
  }

  private static String snippet(MatchSite site) {
    return Objects.requireNonNull(site.snippet(), "no snippet").render("[S]");
  }

  @Test
  void aSecretOnA200KbMinifiedLineGetsItsLineColumnAndAShortSnippet() {
    String filler = "var a=function(b){return b*2};".repeat(7000);
    String line = filler + "const k=\"" + STRIPE + "\";" + filler;
    MatchSite site = sites("/* built */\n" + line + "\n").getFirst();
    assertThat(line.length()).isGreaterThan(400_000);
    assertThat(site.line()).isEqualTo(2);
    assertThat(site.column()).isEqualTo(filler.length() + 10);
    assertThat(site.utf16Column()).isEqualTo(filler.length() + 9);
    assertThat(snippet(site))
        .startsWith("…")
        .endsWith("…")
        .contains("const k=\"[S]\";var a=")
        .hasSizeLessThan(2 * Snippet.CONTEXT + 10);
  }

  @Test
  void otherSecretsInTheSnippetAreMasked() {
    List<MatchSite> sites = sites("x={a:\"" + STRIPE + "\",b:\"" + OPENAI + "\"}\n");
    assertThat(sites).hasSize(2);
    assertThat(snippet(sites.get(0))).isEqualTo("x={a:\"[S]\",b:\"[redacted]…");
    assertThat(snippet(sites.get(1))).isEqualTo("…[redacted]\",b:\"[S]\"}");
  }

  @Test
  void columnsCountCodePointsAndUtf16UnitsApart() {
    MatchSite site = sites("😀 é k=" + STRIPE + "\n").getFirst();
    assertThat(site.column()).isEqualTo(7);
    assertThat(site.utf16Column()).isEqualTo(7);
  }

  @Test
  void browserExposedVariablesAreToldApart() {
    assertThat(sites("VITE_STRIPE=" + STRIPE).getFirst().browserEnv()).isTrue();
    assertThat(sites("export NEXT_PUBLIC_KEY=\"" + STRIPE + "\"").getFirst().browserEnv()).isTrue();
    assertThat(sites("  REACT_APP_KEY: '" + STRIPE + "'").getFirst().browserEnv()).isTrue();
    assertThat(sites("{\"EXPO_PUBLIC_KEY\": \"" + STRIPE + "\"}").getFirst().browserEnv()).isTrue();
    assertThat(sites("PUBLIC_STRIPE=" + STRIPE).getFirst().browserEnv()).isTrue();
    assertThat(sites("STRIPE_SECRET=" + STRIPE).getFirst().browserEnv()).isFalse();
    assertThat(sites("MY_PUBLIC_KEY=" + STRIPE).getFirst().browserEnv()).isFalse();
    assertThat(sites("VITE_URL=https://x.test STRIPE=" + STRIPE).getFirst().browserEnv()).isFalse();
  }
}
