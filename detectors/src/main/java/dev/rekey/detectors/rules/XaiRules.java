package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.XAI;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** xAI: xAI (Grok) API key. */
final class XaiRules {
  private static final Severity C = Severity.CRITICAL;

  private XaiRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("xai.api-key", XAI, "api-key", C, "xAI (Grok) API key"),
                "xai-",
                "[A-Za-z0-9]{80}",
                80)
            .examples(
                "XAI_API_KEY=xai-f0KKuYqlXCUut57Ei9PgriIYLc6aYNkzmvcpK3q9SBMpz62iZE6Ath7BOZIbzeXvJuENyTAKv1nAFado")
            .counterExamples("XAI_API_KEY=xai-<your-key>")
            .rotation("https://console.x.ai/")
            .build());
  }
}
