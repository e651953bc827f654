package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.SENDGRID;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** SendGrid: SendGrid API key. */
public final class SendGridRules {
  /** The id of the rule for api keys. */
  public static final String API_KEY = "sendgrid.api-key";

  private static final Severity H = Severity.HIGH;

  private SendGridRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.prefixed(
                Shapes.rule(API_KEY, SENDGRID, "api-key", H, "SendGrid API key"),
                "SG.",
                "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
                66)
            .minEntropy(4.0)
            .examples(
                "SENDGRID_API_KEY=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")
            .counterExamples(
                "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://app.sendgrid.com/settings/api_keys")
            .build());
  }
}
