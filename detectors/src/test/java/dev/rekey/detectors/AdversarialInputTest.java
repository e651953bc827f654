package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every rule input crafted to make regular expressions backtrack (keywords repeated thousands
 * of times, keywords followed by long runs of characters the pattern accepts, examples cut short
 * and repeated) and bounds the work: the characters the rule's pattern reads, counted, per byte of
 * input. Catastrophic backtracking shows up as millions of reads per byte.
 */
class AdversarialInputTest {
  /** Characters a rule's pattern may read per byte of crafted input. */
  static final long MAX_READS_PER_BYTE = 600;

  private static final int SIZE = 16 * 1024;
  private static final List<String> FILLERS = List.of("a", "0", "-", "=", " ", "\n", "aB3/", ":.");

  static Stream<Rule> rules() {
    return RuleCatalog.builtIn().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleReadsABoundedNumberOfCharactersPerByte(Rule rule) {
    Engine engine = new Engine(List.of(rule), List.of());
    for (String input : inputs(rule)) {
      byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
      CountingText text = new CountingText(bytes);
      new EnginePass(engine, text, 0).run();
      assertThat(text.reads / bytes.length)
          .as("%s reads per byte on input starting %s", rule.id(), abbreviate(input))
          .isLessThanOrEqualTo(MAX_READS_PER_BYTE);
    }
  }

  @Test
  void theBoundCatchesCatastrophicBacktracking() {
    Rule bad =
        Rule.builder("test.bad")
            .provider("Test")
            .severity(Severity.LOW)
            .keywords("a")
            .pattern("(.*a){10}b")
            .prefixed(64)
            .build();
    byte[] bytes = "a".repeat(20).getBytes(StandardCharsets.UTF_8);
    CountingText text = new CountingText(bytes);
    new EnginePass(new Engine(List.of(bad), List.of()), text, 0).run();
    assertThat(text.reads / bytes.length).isGreaterThan(MAX_READS_PER_BYTE);
  }

  private static List<String> inputs(Rule rule) {
    List<String> inputs = new ArrayList<>();
    for (String keyword : rule.keywords()) {
      for (String filler : FILLERS) {
        inputs.add(fill(keyword + filler));
        inputs.add(keyword + fill(filler));
        inputs.add(fill(keyword.toUpperCase(java.util.Locale.ROOT) + "=" + filler.repeat(40)));
      }
    }
    for (String example : rule.examples()) {
      inputs.add(fill(example.substring(0, example.length() - 1) + "\n"));
      inputs.add(fill(example.replaceAll("[A-Za-z0-9]{4}$", "")));
    }
    return inputs;
  }

  private static String fill(String unit) {
    return unit.repeat(Math.max(1, SIZE / Math.max(1, unit.length())));
  }

  private static String abbreviate(String text) {
    return Pattern.compile("\\s")
        .matcher(text.substring(0, Math.min(40, text.length())))
        .replaceAll(" ");
  }

  /** Counts the characters a regular expression reads. */
  private static final class CountingText extends ByteText {
    long reads;

    CountingText(byte[] bytes) {
      super(bytes);
    }

    @Override
    public char charAt(int index) {
      reads++;
      return super.charAt(index);
    }
  }
}
