package dev.rekey.scanner.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {
  private static final CommitInfo COMMIT =
      new CommitInfo("c0ffee", "Ada", "ada@fixture.test", Instant.EPOCH);

  private static Rule rule(String kind, Severity severity) {
    return Rule.builder("test." + kind)
        .provider("Test")
        .kind(kind)
        .severity(severity)
        .keywords("pk_")
        .pattern("pk_[a-z]+")
        .build();
  }

  @Test
  void exposureFollowsWhereTheBlobWasSeen() {
    assertThat(Exposure.of(new Provenance.Bundle("dist/a.js"), false)).isEqualTo(Exposure.PUBLIC);
    assertThat(
            Exposure.of(new Provenance.Bundle(".next/server/a.js", Exposure.SERVER, null), false))
        .isEqualTo(Exposure.SERVER);
    assertThat(Exposure.of(new Provenance.Url("https://x.test/a.js"), false))
        .isEqualTo(Exposure.PUBLIC);
    assertThat(Exposure.of(new Provenance.File("src/a.js", true), false))
        .isEqualTo(Exposure.SERVER);
    assertThat(Exposure.of(new Provenance.File(".env.local"), false)).isEqualTo(Exposure.LOCAL);
    assertThat(Exposure.of(new Provenance.GitBlob(COMMIT, ".env"), true))
        .isEqualTo(Exposure.HISTORY);
    assertThat(Exposure.of(new Provenance.CommitMessage(COMMIT), false))
        .isEqualTo(Exposure.HISTORY);
  }

  @Test
  void aBrowserExposedVariableIsPublicBeforeAnyBuild() {
    assertThat(Exposure.of(new Provenance.File(".env.local"), true)).isEqualTo(Exposure.PUBLIC);
    assertThat(Exposure.of(new Provenance.File(".env", true), true)).isEqualTo(Exposure.PUBLIC);
    assertThat(Exposure.of(new Provenance.Staged(".env"), true)).isEqualTo(Exposure.PUBLIC);
  }

  @Test
  void theWidestExposureWins() {
    assertThat(Exposure.widest(List.of(Exposure.LOCAL, Exposure.HISTORY, Exposure.SERVER)))
        .isEqualTo(Exposure.SERVER);
    assertThat(Exposure.widest(List.of(Exposure.LOCAL, Exposure.PUBLIC)))
        .isEqualTo(Exposure.PUBLIC);
  }

  @Test
  void publicSecretKeysAreCriticalAndPublishableKeysInfoAtMost() {
    assertThat(Exposure.PUBLIC.adjust(rule("restricted-key", Severity.HIGH), Severity.HIGH))
        .isEqualTo(Severity.CRITICAL);
    assertThat(Exposure.SERVER.adjust(rule("restricted-key", Severity.HIGH), Severity.HIGH))
        .isEqualTo(Severity.HIGH);
    assertThat(Exposure.PUBLIC.adjust(rule("test-key", Severity.LOW), Severity.LOW))
        .isEqualTo(Severity.LOW);
    assertThat(
            Exposure.PUBLIC.adjust(rule(Exposure.PUBLISHABLE_KIND, Severity.LOW), Severity.MEDIUM))
        .isEqualTo(Severity.INFO);
    assertThat(Exposure.SERVER.adjust(rule(Exposure.PUBLISHABLE_KIND, Severity.LOW), Severity.LOW))
        .isEqualTo(Severity.LOW);
  }
}
