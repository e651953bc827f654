package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PAYPAL;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** PayPal: PayPal REST app client secret. */
final class PayPalRules {
  private static final Severity C = Severity.CRITICAL;

  private PayPalRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule(
                    "paypal.client-secret",
                    PAYPAL,
                    "client-secret",
                    C,
                    "PayPal REST app client secret"),
                "paypal",
                "E[A-Za-z0-9_-]{79}")
            .examples(
                "PAYPAL_CLIENT_SECRET=EOQah_NygQ6jUSGJBhlxY2ZcLQzZj9eMhCjXC2nYQGJ4g9wmwbgB-FQvjg5x2waYn31JjAtSppOt6YLH")
            .counterExamples("PAYPAL_CLIENT_SECRET=<client-secret>")
            .rotation("https://developer.paypal.com/dashboard/applications")
            .build());
  }
}
