package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.STRIPE;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Stripe API keys. Live secret keys are critical, restricted keys high, test-mode keys low: they
 * reach no real money but still let anyone act on the test account.
 */
public final class StripeRules {
  /** The id of the rule for secret keys. */
  public static final String SECRET_KEY = "stripe.secret-key";

  /** The id of the rule for restricted keys. */
  public static final String RESTRICTED_KEY = "stripe.restricted-key";

  /** The id of the rule for test keys. */
  public static final String TEST_KEY = "stripe.test-key";

  private static final String ROTATE = "https://dashboard.stripe.com/apikeys";

  private StripeRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.builder(SECRET_KEY)
            .provider(STRIPE)
            .kind("secret-key")
            .severity(Severity.CRITICAL)
            .description("Stripe live-mode secret key")
            .keywords("sk_live_")
            .pattern("\\b(sk_live_[A-Za-z0-9]{24,247})\\b")
            .prefixed(260)
            .publicPrefix(8)
            .examples(
                "STRIPE_SECRET_KEY=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",
                "stripe.api_key = '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'")
            .counterExamples(
                "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "STRIPE_SECRET_KEY=sk_live_YOUR_SECRET_KEY_HERE",
                "STRIPE_SECRET_KEY=sk_live_...")
            .rotation(ROTATE)
            .build(),
        Rule.builder(RESTRICTED_KEY)
            .provider(STRIPE)
            .kind("restricted-key")
            .severity(Severity.HIGH)
            .description("Stripe live-mode restricted key")
            .keywords("rk_live_")
            .pattern("\\b(rk_live_[A-Za-z0-9]{24,247})\\b")
            .prefixed(260)
            .publicPrefix(8)
            .examples(
                "STRIPE_KEY=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")
            .counterExamples("STRIPE_KEY=rk_live_<restricted-key>")
            .rotation(ROTATE)
            .build(),
        Rule.builder(TEST_KEY)
            .provider(STRIPE)
            .kind("test-key")
            .severity(Severity.LOW)
            .description("Stripe test-mode secret or restricted key")
            .keywords("sk_test_", "rk_test_")
            .pattern("\\b([sr]k_test_[A-Za-z0-9]{24,247})\\b")
            .prefixed(260)
            .publicPrefix(8)
            .examples(
                "STRIPE_SECRET_KEY=sk_test_8qQqDcovmFOcBO4h4bjj3Yxt7LOj5vEtrSzVJffr0f1DZSVgmqnx371ErDOLz3Kr8oJYnGjvSR85oMUckCycX8aoAevpHBPAC2e")
            .counterExamples("STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://dashboard.stripe.com/test/apikeys")
            .dashboard("https://dashboard.stripe.com/test/apikeys")
            .build(),
        Rule.builder("stripe.webhook-secret")
            .provider(STRIPE)
            .kind("webhook-secret")
            .severity(Severity.HIGH)
            .description("Stripe webhook signing secret")
            .keywords("whsec_")
            .pattern("\\b(whsec_[A-Za-z0-9+/=]{32,100})(?![A-Za-z0-9+/=])")
            .prefixed(110)
            .publicPrefix(6)
            .examples("STRIPE_WEBHOOK_SECRET=whsec_gBKcWdx3ahGTP8LDLxJ63Y1fFsP0iWK2")
            .counterExamples("STRIPE_WEBHOOK_SECRET=whsec_...")
            .rotation("https://docs.stripe.com/webhooks#roll-endpoint-secrets")
            .build(),
        Rule.builder("stripe.publishable-key")
            .provider(STRIPE)
            .kind("publishable-key")
            .severity(Severity.INFO)
            .description("Stripe publishable key (public by design)")
            .keywords("pk_live_", "pk_test_")
            .pattern("\\b(pk_(?:live|test)_[A-Za-z0-9]{24,247})\\b")
            .prefixed(260)
            .publicPrefix(8)
            .examples(
                "NEXT_PUBLIC_STRIPE_KEY=pk_live_qf0PE4lcq5bCC892f4iMpTCHkcZ2aFlPtK0Q0MVb430ZA2KoE3G4dqj7deX8ei3Y3zTSEE5J71ptA1t88zN6cofb6NvRpXBfEfh")
            .counterExamples("NEXT_PUBLIC_STRIPE_KEY=pk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation(ROTATE)
            .build());
  }
}
