package dev.rekey.scanner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.Engine;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class LineSieveTest {
  private static final Engine ENGINE = new Engine(RuleCatalog.builtIn());
  private static final String PEM =
      """
      -----BEGIN OPENSSH PRIVATE KEY-----
      b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
      QyNTUxOQAAACDZaiYTHNZ81nEsAxyZu67g9Y29UIUMQkzLBWxRtD7UgwAAAJAz5XaRM+V2
      kQAAAAtzc2gtZWQyNTUxOQAAACDZaiYTHNZ81nEsAxyZu67g9Y29UIUMQkzLBWxRtD7Ugw
      AAAEAPvCALiZ7QILPEWo8m86NE1O7ruvMluNWh/puLhAPPI9lqJhMc1nzWcSwDHJm7ruD1
      jb1QhQxCTMsFbFG0PtSDAAAAB2ZpeHR1cmUBAgMEBQY=
      -----END OPENSSH PRIVATE KEY-----
      """;

  private final LineSieve sieve = Objects.requireNonNull(LineSieve.of(ENGINE));

  @Test
  void contentWhoseLinesAreAllKnownAndKeywordFreeIsNotMatched() {
    assertThat(sieve.keywordFree(bytes("const a = 1;\nconst b = 2;\n"))).isTrue();
    assertThat(sieve.keywordFree(bytes("const b = 2;\nconst a = 1;\n"))).isTrue();
  }

  @Test
  void aLineWithAKeywordSendsTheWholeBlobToTheEngineEveryTime() {
    byte[] aws = bytes("id = AKIAXO3DNUGJ7UJEYKVI\nsecret = 1\n");
    assertThat(sieve.keywordFree(aws)).isFalse();
    assertThat(sieve.keywordFree(aws)).as("a known keyword line").isFalse();
    assertThat(sieve.keywordFree(bytes("x\nSK_LIVE_ in capitals\n"))).isFalse();
  }

  @Test
  void aMultiLineSecretIsMatchedWhateverTheOrderItsLinesWereSeenIn() {
    for (String line : PEM.lines().filter(l -> !l.startsWith("-----")).toList()) {
      sieve.keywordFree(bytes(line + "\n")); // the body lines, learnt (most are keyword-free)
    }
    byte[] key = bytes(PEM);
    assertThat(sieve.keywordFree(key)).isFalse();
    assertThat(matches(key)).extracting(m -> m.rule().id()).containsExactly("private-key.pem");
  }

  @Test
  void aDetectorWithoutKeywordsIsNotSieved() {
    Detector opaque =
        new Detector() {
          @Override
          public List<Match> detect(byte[] content) {
            return List.of();
          }

          @Override
          public List<Rule> rules() {
            return List.of();
          }
        };
    assertThat(LineSieve.of(opaque)).isNull();
  }

  private List<Match> matches(byte[] content) {
    return sieve.keywordFree(content) ? List.of() : ENGINE.detect(content);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
