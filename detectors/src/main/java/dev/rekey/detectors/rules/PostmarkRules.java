package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.POSTMARK;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Postmark: Postmark server or account API token. */
final class PostmarkRules {
  private static final Severity H = Severity.HIGH;

  private PostmarkRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.named(
                Shapes.rule(
                    "postmark.server-token",
                    POSTMARK,
                    "server-token",
                    H,
                    "Postmark server or account API token"),
                "postmark",
                Shapes.UUID)
            .examples("POSTMARK_SERVER_TOKEN=3ff4e9ad-ed60-4250-a271-4db7595b09b2")
            .counterExamples("POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST")
            .rotation(
                "https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens")
            .build());
  }
}
