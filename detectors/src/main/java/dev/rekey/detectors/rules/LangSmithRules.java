package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.LANGSMITH;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** LangSmith: LangSmith personal access token or service key. */
final class LangSmithRules {
  private static final Severity C = Severity.CRITICAL;

  private LangSmithRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "langsmith.api-key",
                    LANGSMITH,
                    "api-key",
                    C,
                    "LangSmith personal access token or service key"),
                "lsv2_",
                "(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}",
                48)
            .examples("LANGCHAIN_API_KEY=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")
            .counterExamples("LANGCHAIN_API_KEY=lsv2_pt_...")
            .rotation(
                "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key")
            .build());
  }
}
