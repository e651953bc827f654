package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rule's gate is a necessary condition of a match (issue 14): wherever the pattern matches at a
 * keyword, the gate lets the place through, so a gate saves time and never loses a finding.
 */
class GateTest {
  private static final Rule URL = RuleCatalog.byId("generic.credentials-url").orElseThrow();

  @Test
  void everyGateAdmitsItsRulesExamples() {
    for (Rule rule : RuleCatalog.builtIn()) {
      for (String example : rule.examples()) {
        byte[] content = example.getBytes(StandardCharsets.UTF_8);
        assertThat(missed(rule, content)).as(rule.id() + ": " + example).isEqualTo(-1);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "generic.credentials-url",
        "generic.password",
        "generic.secret",
        "generic.password-directive"
      })
  void aGateAdmitsEveryPlaceItsPatternMatchesInRandomText(String id) {
    Rule rule = RuleCatalog.byId(id).orElseThrow();
    assertThat(rule.gate()).isNotSameAs(Gate.OPEN);
    Random random = new Random(14);
    List<String> pieces = new ArrayList<>(rule.keywords());
    pieces.addAll(
        List.of("://", "Password", "word", "_KEY", "minipass", ":", ":", "=", "=", "??="));
    pieces.addAll(
        List.of("@", "@", "/", "a", "Zq8", "x7", "pw9#", "h.io", ".", "-", " ", " ", "\t"));
    pieces.addAll(List.of("$", "\"", "\"", "'", "]", ",", "(", "{", "%", "\n", "\r\n"));
    int matched = 0;
    for (int n = 0; n < 40_000; n++) {
      StringBuilder text = new StringBuilder(rule.keywords().get(0));
      for (int i = random.nextInt(24); i > 0; i--) {
        text.append(pieces.get(random.nextInt(pieces.size())));
      }
      if (random.nextBoolean()) {
        text.insert(0, pieces.get(random.nextInt(pieces.size())));
      }
      byte[] content = text.toString().getBytes(StandardCharsets.ISO_8859_1);
      assertThat(missed(rule, content)).as(text.toString()).isEqualTo(-1);
      matched += matchesAnywhere(rule, content) ? 1 : 0;
    }
    assertThat(matched).as("random texts the pattern matches").isGreaterThan(20);
  }

  @Test
  void theUrlGateTurnsAwayUrlsWithoutAUserName() {
    byte[] content =
        "resolved \"https://registry.yarnpkg.com/@babel/core/-/core-7.1.0.tgz#abc\""
            .getBytes(StandardCharsets.US_ASCII);
    int at = new String(content, StandardCharsets.US_ASCII).indexOf("://");
    assertThat(URL.gate().admits(content, at, content.length)).isFalse();
    byte[] long64 = ("x://" + "u".repeat(64) + "@" + "v".repeat(64) + ":pw1@h.io").getBytes();
    assertThat(URL.gate().admits(long64, 1, long64.length)).isTrue();
    assertThat(matches(URL, long64, 1)).isTrue();
  }

  /** The first keyword start where the pattern matches but the gate says no, or -1. */
  private static int missed(Rule rule, byte[] content) {
    if (!rule.anchored()) {
      return -1;
    }
    String lower = new String(content, StandardCharsets.ISO_8859_1).toLowerCase();
    for (String keyword : rule.keywords()) {
      for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
        int to = Math.min(content.length, at + keyword.length() + rule.after());
        if (matches(rule, content, at) && !rule.gate().admits(content, at, to)) {
          return at;
        }
      }
    }
    return -1;
  }

  private static boolean matchesAnywhere(Rule rule, byte[] content) {
    String lower = new String(content, StandardCharsets.ISO_8859_1).toLowerCase();
    for (String keyword : rule.keywords()) {
      for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
        if (matches(rule, content, at)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(Rule rule, byte[] content, int at) {
    Matcher matcher = rule.pattern().matcher(new ByteText(content));
    matcher.useTransparentBounds(true);
    matcher.useAnchoringBounds(false);
    matcher.region(at, content.length);
    return matcher.lookingAt();
  }
}
