package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.TOGETHER_AI;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Together AI: Together AI API key. */
final class TogetherRules {
  private static final Severity C = Severity.CRITICAL;

  private TogetherRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule("together.api-key", TOGETHER_AI, "api-key", C, "Together AI API key"),
                "together",
                "(?:tgp_v1_[A-Za-z0-9_-]{43}|[a-f0-9]{64})")
            .examples(
                "TOGETHER_API_KEY=ba1fe495d4db35cc5bac2dcc8ed6deb3c2a5bf14b3128202c5ceb47ba941d8a3",
                "TOGETHER_API_KEY=tgp_v1_d3fJLIGgTGn4hpBIWKZn1aIl1zJMJTLmdufJ1ZRBinF")
            .counterExamples("TOGETHER_API_KEY=your-together-key")
            .rotation("https://api.together.ai/settings/api-keys")
            .build());
  }
}
