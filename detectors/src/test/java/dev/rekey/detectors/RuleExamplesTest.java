package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule's examples must match it and its counter-examples must not, in the full engine. */
class RuleExamplesTest {
  private static final Engine ENGINE = new Engine(RuleCatalog.builtIn());

  static Stream<Arguments> examples() {
    return RuleCatalog.builtIn().stream()
        .flatMap(rule -> rule.examples().stream().map(example -> Arguments.of(rule.id(), example)));
  }

  static Stream<Arguments> counterExamples() {
    return RuleCatalog.builtIn().stream()
        .flatMap(
            rule -> rule.counterExamples().stream().map(text -> Arguments.of(rule.id(), text)));
  }

  @ParameterizedTest(name = "{0} matches example {index}")
  @MethodSource("examples")
  void exampleMatches(String ruleId, String example) {
    assertThat(ruleIds(ruleId, example)).contains(ruleId);
  }

  @ParameterizedTest(name = "{0} ignores counter-example {index}")
  @MethodSource("counterExamples")
  void counterExampleDoesNotMatch(String ruleId, String text) {
    assertThat(ruleIds(ruleId, text)).doesNotContain(ruleId);
  }

  @Test
  void everyRuleHasExamplesCounterExamplesAndRotationPage() {
    for (Rule rule : RuleCatalog.builtIn()) {
      assertThat(rule.examples()).as(rule.id() + " examples").isNotEmpty();
      assertThat(rule.counterExamples()).as(rule.id() + " counter-examples").isNotEmpty();
      assertThat(rule.rotationUrl()).as(rule.id() + " rotation page").startsWith("https://");
      assertThat(rule.id()).matches("[a-z0-9-]+\\.[a-z0-9.-]+");
    }
  }

  @Test
  void theCatalogCoversAtLeastAHundredRules() {
    assertThat(RuleCatalog.builtIn()).hasSizeGreaterThanOrEqualTo(100);
  }

  /** The rules matching {@code text}, read as a file a file-named rule reads when it is one. */
  private static List<String> ruleIds(String ruleId, String text) {
    Rule.FileName file =
        RuleCatalog.builtIn().stream()
            .filter(r -> r.id().equals(ruleId))
            .findFirst()
            .orElseThrow()
            .file();
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    return (file == null ? ENGINE.detect(content) : ENGINE.detect(content, file.example(), null))
        .stream().map(m -> m.rule().id()).toList();
  }
}
