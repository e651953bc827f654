package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.COHERE;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Cohere: Cohere API key. */
final class CohereRules {
  private static final Severity C = Severity.CRITICAL;

  private CohereRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule("cohere.api-key", COHERE, "api-key", C, "Cohere API key"),
                "cohere",
                "[A-Za-z0-9]{40}")
            .examples("COHERE_API_KEY=BNQ7Ud43N5DZz5FMMu2khIg8VSPtYd3pplnKXx1C")
            .counterExamples("COHERE_API_KEY=<cohere-api-key>")
            .rotation("https://dashboard.cohere.com/api-keys")
            .build());
  }
}
