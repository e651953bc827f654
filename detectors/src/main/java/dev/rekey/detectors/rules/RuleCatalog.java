package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in rules, in a stable order, with unique ids. */
public final class RuleCatalog {
  private static final Map<String, Rule> BY_ID = index(BuiltinRules.all());
  private static final List<Rule> BUILT_IN = List.copyOf(BY_ID.values());

  private RuleCatalog() {}

  /** Every built-in rule. */
  public static List<Rule> builtIn() {
    return BUILT_IN;
  }

  /** The built-in rule with this id. */
  public static Optional<Rule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * Whether {@code id} is a built-in rule's. Custom rules cannot take a built-in id, so only a
   * built-in rule's findings are sent to a provider (to verify, identify or revoke them): a custom
   * rule — which a scanned repository may define — cannot name which provider receives a secret.
   */
  public static boolean isBuiltIn(String id) {
    return BY_ID.containsKey(id);
  }

  private static Map<String, Rule> index(List<Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (byId.putIfAbsent(rule.id(), rule) != null) {
        throw new IllegalStateException("duplicate rule id: " + rule.id());
      }
    }
    return byId;
  }
}
