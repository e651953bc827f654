package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.NOTION;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Notion: Notion integration token. */
final class NotionRules {
  private static final Severity C = Severity.CRITICAL;

  private NotionRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "notion.integration-token",
                NOTION,
                "integration-token",
                C,
                "Notion integration token")
            .keywords("ntn_", "secret_")
            .pattern(
                Shapes.START
                    + "((?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43}))"
                    + Shapes.END)
            .prefixed(60)
            .minEntropy(4.0)
            .examples(
                "NOTION_TOKEN=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",
                "NOTION_TOKEN=secret_E3ZqhrqhXzbFZrdUCwVulBUsxdqDndLkswnhBs25ksH")
            .counterExamples("secret_key_base_for_the_application_settings_module")
            .rotation("https://www.notion.so/profile/integrations")
            .build());
  }
}
