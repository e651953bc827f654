package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.ELEVENLABS;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** ElevenLabs: ElevenLabs API key. */
final class ElevenLabsRules {
  private static final Severity C = Severity.CRITICAL;

  private ElevenLabsRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule("elevenlabs.api-key", ELEVENLABS, "api-key", C, "ElevenLabs API key"),
                "elevenlabs",
                "(?:sk_[a-f0-9]{48}|[a-f0-9]{32})")
            .examples("ELEVENLABS_API_KEY=sk_52ebb09788f38b336bd905cf448234221f8072846a51ed95")
            .counterExamples("ELEVENLABS_API_KEY=sk_...")
            .rotation("https://elevenlabs.io/app/settings/api-keys")
            .build());
  }
}
