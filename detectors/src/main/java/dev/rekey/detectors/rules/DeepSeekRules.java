package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.DEEPSEEK;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** DeepSeek: DeepSeek API key. */
final class DeepSeekRules {
  private static final Severity C = Severity.CRITICAL;

  private DeepSeekRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule("deepseek.api-key", DEEPSEEK, "api-key", C, "DeepSeek API key"),
                "deepseek",
                "sk-[a-f0-9]{32}")
            .examples("DEEPSEEK_API_KEY=sk-06bde9e0a8a5fe7440f67f7084670848")
            .counterExamples("DEEPSEEK_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://platform.deepseek.com/api_keys")
            .build());
  }
}
