package dev.rekey.rotators.guided;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Whether a pasted key has the format of the rule that found the old one. A rule's pattern needs
 * its context (a keyword, an assignment), so the key is put in place of the secret in each of the
 * rule's own examples and the rule must find exactly it there, checks included.
 */
final class KeyFormat {
  private KeyFormat() {}

  static boolean matches(Rule rule, String key) {
    Engine engine = new Engine(List.of(rule));
    for (String example : rule.examples()) {
      List<Match> found = engine.detect(example.getBytes(StandardCharsets.UTF_8));
      if (found.isEmpty()) {
        continue;
      }
      String original = found.getFirst().secret().reveal();
      String substituted = example.replace(original, key);
      for (Match match : engine.detect(substituted.getBytes(StandardCharsets.UTF_8))) {
        if (match.secret().reveal().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }
}
