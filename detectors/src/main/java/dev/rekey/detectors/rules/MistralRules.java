package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.MISTRAL_AI;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Mistral AI: Mistral AI API key. */
final class MistralRules {
  private static final Severity C = Severity.CRITICAL;

  private MistralRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule("mistral.api-key", MISTRAL_AI, "api-key", C, "Mistral AI API key"),
                "mistral",
                "[A-Za-z0-9]{32}")
            .examples(
                "MISTRAL_API_KEY=K45OKo5uJLa3tlKeEiOSW1byk7TJCSCH",
                "mistral_api_key: \"6AwvhOzrLnUWos8OuXxnBD79NXLinQdq\"")
            .counterExamples(
                "MISTRAL_MODEL=mistral-large-latest", "MISTRAL_API_KEY=${MISTRAL_API_KEY}")
            .rotation("https://console.mistral.ai/api-keys")
            .build());
  }
}
