package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.LEMON_SQUEEZY;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Lemon Squeezy: Lemon Squeezy API key. */
final class LemonSqueezyRules {
  private static final Severity C = Severity.CRITICAL;

  private LemonSqueezyRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule(
                    "lemonsqueezy.api-key", LEMON_SQUEEZY, "api-key", C, "Lemon Squeezy API key"),
                "lemon",
                Shapes.JWT)
            .prefixed(3000)
            .examples(
                "LEMONSQUEEZY_API_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiIxIiwianRpIjoiOWYzYzJkIiwiaWF0IjoxNzAwMDAwMDAwLCJzdWIiOiIxMjM0NTYiLCJzY29wZXMiOltdfQ.LnqrO_UHaTjMNb9ve-rPBiwtxXkrRp7b-0GtzHsk2ty")
            .counterExamples("LEMONSQUEEZY_API_KEY=eyJ...")
            .rotation("https://app.lemonsqueezy.com/settings/api")
            .build());
  }
}
