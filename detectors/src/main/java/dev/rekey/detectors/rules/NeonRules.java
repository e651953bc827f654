package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.NEON;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Neon: Neon API key. */
final class NeonRules {
  private static final Severity C = Severity.CRITICAL;

  private NeonRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("neon.api-key", NEON, "api-key", C, "Neon API key"),
                "napi_",
                "[a-z0-9]{64}",
                64)
            .examples(
                "NEON_API_KEY=napi_7t6mcttpobnltq57ne02rdxqrg2r2sg2bs1vj7a04uvg4jyeps9q7qdnizow9oxr")
            .counterExamples("NEON_API_KEY=napi_...")
            .rotation("https://neon.tech/docs/manage/api-keys")
            .build());
  }
}
