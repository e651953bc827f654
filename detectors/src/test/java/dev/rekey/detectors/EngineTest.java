package dev.rekey.detectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
  private static final Engine ENGINE = new Engine(RuleCatalog.builtIn());
  private static final String STRIPE =
      "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";

  @Test
  void reportsByteOffsetsOfTheSecret() {
    byte[] content = ("# config\nKEY=" + STRIPE + "\n").getBytes(StandardCharsets.UTF_8);
    List<Match> matches = ENGINE.detect(content);
    assertThat(matches)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.start()).isEqualTo("# config\nKEY=".length());
              assertThat(m.secret().reveal()).isEqualTo(STRIPE);
              assertThat(m.severity()).isEqualTo(Severity.CRITICAL);
            });
  }

  @Test
  void keywordsAreCaseInsensitiveButPatternsDecide() {
    assertThat(ENGINE.detect("SK_LIVE_notakey".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void inlineAllowMarkersSuppress() {
    for (String marker :
        List.of("rekey:allow", "gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore")) {
      byte[] content = ("KEY=" + STRIPE + " # " + marker).getBytes(StandardCharsets.UTF_8);
      assertThat(ENGINE.detect(content)).as(marker).isEmpty();
    }
  }

  @Test
  void pairsAwsSecretWithItsKeyIdAndDropsTheStandaloneId() {
    String text =
        "aws_access_key_id = AKIAXO3DNUGJ7UJEYKVI\n"
            + "aws_secret_access_key = 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\n";
    List<Match> matches = ENGINE.detect(text.getBytes(StandardCharsets.UTF_8));
    assertThat(matches)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule().id()).isEqualTo("aws.access-key");
              assertThat(m.facts()).containsEntry("aws.access_key_id", "AKIAXO3DNUGJ7UJEYKVI");
            });
  }

  @Test
  void emptyAndBinaryContentYieldNothing() {
    assertThat(ENGINE.detect(new byte[0])).isEmpty();
    byte[] noise = new byte[1 << 16];
    new java.util.Random(1).nextBytes(noise);
    assertThat(ENGINE.detect(noise)).isEmpty();
  }

  /**
   * Keyword hits proving content keyword-free skip the keyword rules, never the rules that read a
   * file by its name: a .pgpass line or a Rails key holds no keyword at all.
   */
  @Test
  void fileNamedRulesReadKeywordFreeContent() {
    byte[] pgpass = "db.acme-corp.net:5432:billing:ledger_app:Wm4!rT8zKq2v\n".getBytes(UTF_8);
    byte[] key = "b8e4d1c09a7f35e26d4c8b1a0f9e7d3c\n".getBytes(UTF_8);
    assertThat(ENGINE.keywordScanner().scan(pgpass).count()).isZero();
    assertThat(ENGINE.keywordScanner().scan(key).count()).isZero();
    assertThat(ENGINE.detect(pgpass, "ops/.pgpass", KeywordHits.NONE))
        .extracting(m -> m.rule().id())
        .containsExactly("postgres.pgpass");
    assertThat(ENGINE.detect(key, "config/credentials/production.key", KeywordHits.NONE))
        .extracting(m -> m.rule().id())
        .containsExactly("rails.master-key");
    assertThat(ENGINE.detect(pgpass, "ops/notes.txt", KeywordHits.NONE)).isEmpty();
    assertThat(ENGINE.detect(key, "config/master.key.txt", null)).isEmpty();
  }

  /** The file-named rules of a path are the same when asked again, and past the paths kept. */
  @Test
  void fileNamedRulesAreTheSameForAPathSeenBefore() {
    Engine engine = new Engine(RuleCatalog.builtIn());
    byte[] pgpass = "db.acme-corp.net:5432:billing:ledger_app:Wm4!rT8zKq2v\n".getBytes(UTF_8);
    for (int i = 0; i < 70_000; i++) {
      String path = i % 2 == 0 ? "ops/.pgpass" : "ops/notes-" + i + ".txt";
      assertThat(engine.detect(pgpass, path, KeywordHits.NONE))
          .extracting(m -> m.rule().id())
          .isEqualTo(i % 2 == 0 ? List.of("postgres.pgpass") : List.of());
    }
  }
}
