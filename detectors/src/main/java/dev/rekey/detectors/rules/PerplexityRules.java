package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PERPLEXITY;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Perplexity: Perplexity API key. */
final class PerplexityRules {
  private static final Severity C = Severity.CRITICAL;

  private PerplexityRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("perplexity.api-key", PERPLEXITY, "api-key", C, "Perplexity API key"),
                "pplx-",
                "[A-Za-z0-9]{48}",
                48)
            .examples("PERPLEXITY_API_KEY=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")
            .counterExamples("PERPLEXITY_API_KEY=pplx-...")
            .rotation("https://www.perplexity.ai/settings/api")
            .build());
  }
}
