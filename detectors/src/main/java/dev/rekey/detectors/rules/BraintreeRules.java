package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.BRAINTREE;
import static dev.rekey.detectors.rules.Shapes.END;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Braintree: Braintree (PayPal) production access token. */
final class BraintreeRules {
  private static final Severity C = Severity.CRITICAL;

  private BraintreeRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "braintree.access-token",
                BRAINTREE,
                "access-token",
                C,
                "Braintree (PayPal) production access token")
            .keywords("access_token$production$")
            .pattern("(access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32})" + END)
            .prefixed(80)
            .publicPrefix(24)
            .examples(
                "BRAINTREE_ACCESS_TOKEN=access_token$production$jucd2wvqed5rvjme$dbca5710edd337d3a486a308eb974ce3")
            .counterExamples("BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant>$<token>")
            .rotation(
                "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials")
            .build());
  }
}
