package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.FIREWORKS_AI;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Fireworks AI: Fireworks AI API key. */
final class FireworksRules {
  private static final Severity C = Severity.CRITICAL;

  private FireworksRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "fireworks.api-key", FIREWORKS_AI, "api-key", C, "Fireworks AI API key"),
                "fw_",
                "[A-Za-z0-9]{24,48}",
                48)
            .minEntropy(3.8)
            .examples("FIREWORKS_API_KEY=fw_KUTey6ks3En16KCMtKe47LEQ")
            .counterExamples("fw_version_major_minor_patch_build_number")
            .rotation("https://fireworks.ai/account/api-keys")
            .build());
  }
}
