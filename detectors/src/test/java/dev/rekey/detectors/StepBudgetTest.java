package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 4: a rule whose pattern backtracks without end — a custom rule a scanned
 * repository's {@code .rekey.toml} defines, say — gives up on the content after its step budget
 * instead of hanging the scan, is named with the number of contents it gave up on, and takes no
 * other rule's findings with it.
 */
class StepBudgetTest {
  private static final String STRIPE =
      "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";

  private static final Rule SLOW =
      Rule.builder("acme.slow")
          .provider("Acme")
          .severity(Severity.HIGH)
          .keywords("slowkey")
          .pattern("slowkey(.*a){25}$")
          .window(256, 256)
          .build();

  @Test
  void aCatastrophicRuleGivesUpIsNamedAndTheOtherRulesStillReport() {
    List<Rule> rules = new ArrayList<>(RuleCatalog.builtIn());
    rules.add(SLOW);
    Engine engine = new Engine(rules);
    byte[] content =
        ("slowkey" + "a".repeat(60) + "!\nSTRIPE_KEY=" + STRIPE + "\n")
            .getBytes(StandardCharsets.UTF_8);

    List<Match> matches =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> engine.detect(content));

    assertThat(matches).extracting(m -> m.secret().reveal()).containsExactly(STRIPE);
    assertThat(engine.exhausted()).isEqualTo(Map.of("acme.slow", 1L));
  }

  @Test
  void noBuiltInRuleSpendsItsBudgetOnOrdinaryContent() {
    Engine engine = new Engine(RuleCatalog.builtIn());
    engine.detect(("STRIPE_KEY=" + STRIPE + "\n").repeat(1000).getBytes(StandardCharsets.UTF_8));
    assertThat(engine.exhausted()).isEmpty();
  }
}
