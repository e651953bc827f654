package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.OPENROUTER;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** OpenRouter: OpenRouter API key. */
final class OpenRouterRules {
  private static final Severity C = Severity.CRITICAL;

  private OpenRouterRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("openrouter.api-key", OPENROUTER, "api-key", C, "OpenRouter API key"),
                "sk-or-v1-",
                "[a-f0-9]{64}",
                64)
            .examples(
                "OPENROUTER_API_KEY=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")
            .counterExamples("OPENROUTER_API_KEY=sk-or-v1-xxxxxxxx")
            .rotation("https://openrouter.ai/settings/keys")
            .build());
  }
}
