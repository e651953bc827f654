package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import java.util.ArrayList;
import java.util.List;

/** Collects the per-provider rule files. Adding a provider is one file and one line here. */
public final class BuiltinRules {
  private BuiltinRules() {}

  /** All built-in rules, grouped by provider. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(OpenAiRules.rules());
    rules.addAll(AnthropicRules.rules());
    rules.addAll(StripeRules.rules());
    rules.addAll(AwsRules.rules());
    rules.addAll(DatabaseRules.rules());
    rules.addAll(GitHubRules.rules());
    rules.addAll(PrivateKeyRules.rules());
    return rules;
  }
}
