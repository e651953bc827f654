package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The built-in rules, in a stable order, with unique ids. */
public final class RuleCatalog {
  private static final List<Rule> BUILT_IN = checkUnique(BuiltinRules.all());
  private static final Set<String> IDS = Set.copyOf(BUILT_IN.stream().map(Rule::id).toList());

  private RuleCatalog() {}

  /** Every built-in rule. */
  public static List<Rule> builtIn() {
    return BUILT_IN;
  }

  /**
   * Whether {@code id} is a built-in rule's. Custom rules cannot take a built-in id, so only a
   * built-in rule's findings are sent to a provider (to verify, identify or revoke them): a custom
   * rule — which a scanned repository may define — cannot name which provider receives a secret.
   */
  public static boolean isBuiltIn(String id) {
    return IDS.contains(id);
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
