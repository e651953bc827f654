package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The built-in rules, in a stable order, with unique ids. */
public final class RuleCatalog {
  private static final List<Rule> BUILT_IN = checkUnique(BuiltinRules.all());

  private RuleCatalog() {}

  /** Every built-in rule. */
  public static List<Rule> builtIn() {
    return BUILT_IN;
  }

  private static List<Rule> checkUnique(List<Rule> rules) {
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalStateException("duplicate rule id: " + rule.id());
      }
    }
    return List.copyOf(rules);
  }
}
