package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.HUGGING_FACE;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Hugging Face: Hugging Face user access token; Hugging Face organization API token. */
final class HuggingFaceRules {
  private static final Severity C = Severity.CRITICAL;

  private HuggingFaceRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "huggingface.access-token",
                    HUGGING_FACE,
                    "access-token",
                    C,
                    "Hugging Face user access token"),
                "hf_",
                "[A-Za-z]{34}",
                34)
            .minEntropy(3.5)
            .examples("HF_TOKEN=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")
            .counterExamples(
                "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "def hf_download_and_cache_models_for_all(): pass")
            .rotation("https://huggingface.co/settings/tokens")
            .build(),
        prefixed(
                Shapes.rule(
                    "huggingface.org-token",
                    HUGGING_FACE,
                    "org-token",
                    C,
                    "Hugging Face organization API token"),
                "api_org_",
                "[A-Za-z]{34}",
                34)
            .minEntropy(3.5)
            .examples("token = \"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\"")
            .counterExamples("api_org_settings_page_template_name_for")
            .rotation("https://huggingface.co/settings/tokens")
            .build());
  }
}
