package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.BREVO;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Brevo: Brevo (Sendinblue) API key. */
final class BrevoRules {
  private static final Severity H = Severity.HIGH;

  private BrevoRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.prefixed(
                Shapes.rule("brevo.api-key", BREVO, "api-key", H, "Brevo (Sendinblue) API key"),
                "xkeysib-",
                "[a-f0-9]{64}-[A-Za-z0-9]{16}",
                81)
            .examples(
                "BREVO_API_KEY=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")
            .counterExamples("BREVO_API_KEY=xkeysib-...")
            .rotation("https://help.brevo.com/hc/en-us/articles/209467485")
            .build());
  }
}
