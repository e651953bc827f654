package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.ATLASSIAN;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Atlassian: Atlassian (Jira, Confluence) API token; Bitbucket app password. */
final class AtlassianRules {
  private static final Severity C = Severity.CRITICAL;

  private AtlassianRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "atlassian.api-token",
                    ATLASSIAN,
                    "api-token",
                    C,
                    "Atlassian (Jira, Confluence) API token"),
                "ATATT3",
                "[A-Za-z0-9_=-]{180,200}",
                200)
            .examples(
                "JIRA_API_TOKEN=ATATT3xFfGF0g0LqthT-e5I8DHBynGA3qLOvqXd3hTiU2zVZzca1lBPgIk9MkHDKP5D5_B1gWhBD_6eX0arF0X2-UZMcPe1uAvMmzrE0TLJdOiBjmj2Jd7jVxLEAYGFV8PLruItP0YKckB2K1fDOWAiK_dPWBp0CEPaxXpe8TBJ1Na8QauRqci=0393F0B8")
            .counterExamples("JIRA_API_TOKEN=ATATT3...")
            .rotation("https://id.atlassian.com/manage-profile/security/api-tokens")
            .build(),
        prefixed(
                Shapes.rule(
                    "bitbucket.app-password",
                    ATLASSIAN,
                    "app-password",
                    C,
                    "Bitbucket app password"),
                "ATBB",
                "[A-Za-z0-9_=.-]{32}",
                32)
            .minEntropy(3.5)
            .examples("BITBUCKET_APP_PASSWORD=ATBB0aWt50AJZdkptkseh33nh4qyBqTx2HMt")
            .counterExamples("BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://bitbucket.org/account/settings/app-passwords/")
            .build());
  }
}
