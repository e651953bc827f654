package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;
import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Payments beyond Stripe: PayPal and Braintree, Square, Lemon Squeezy and Paddle. */
final class PaymentRules {
  private static final Severity C = Severity.CRITICAL;

  private PaymentRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                "paypal.client-secret",
                "PayPal",
                "client-secret",
                C,
                "PayPal REST app client secret",
                "paypal",
                "E[A-Za-z0-9_-]{79}")
            .examples(
                "PAYPAL_CLIENT_SECRET=EOQah_NygQ6jUSGJBhlxY2ZcLQzZj9eMhCjXC2nYQGJ4g9wmwbgB-FQvjg5x2waYn31JjAtSppOt6YLH")
            .counterExamples("PAYPAL_CLIENT_SECRET=<client-secret>")
            .rotation("https://developer.paypal.com/dashboard/applications")
            .build(),
        Shapes.rule(
                "braintree.access-token",
                "Braintree",
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
            .build(),
        Shapes.rule(
                "square.access-token",
                "Square",
                "access-token",
                C,
                "Square production access token")
            .keywords("eaaa", "sq0atp-")
            .pattern(START + "((?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[0-9A-Za-z_-]{22}))" + END)
            .prefixed(72)
            .minEntropy(4.0)
            .examples(
                "SQUARE_ACCESS_TOKEN=EAAAWGyP63BWYwfd5kG5pc7WbNOSF4nt--cT4Ci2XyNDgn2wJqaMcDlLgp91Rv-n",
                "token: sq0atp-STq4gXD0MbRqXv8w9r8U63")
            .counterExamples(
                "SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://developer.squareup.com/docs/build-basics/access-tokens")
            .build(),
        prefixed(
                "square.oauth-secret",
                "Square",
                "oauth-secret",
                C,
                "Square OAuth application secret",
                "sq0csp-",
                "[0-9A-Za-z_-]{43}",
                43)
            .examples("SQUARE_APP_SECRET=sq0csp-s1qeHjLVPuyxJ7T2B1EiftiHrBRURt19dViznY1jqsR")
            .counterExamples("SQUARE_APP_SECRET=sq0csp-...")
            .rotation("https://developer.squareup.com/docs/oauth-api/overview")
            .build(),
        named(
                "lemonsqueezy.api-key",
                "Lemon Squeezy",
                "api-key",
                C,
                "Lemon Squeezy API key",
                "lemon",
                Shapes.JWT)
            .prefixed(3000)
            .examples(
                "LEMONSQUEEZY_API_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiIxIiwianRpIjoiOWYzYzJkIiwiaWF0IjoxNzAwMDAwMDAwLCJzdWIiOiIxMjM0NTYiLCJzY29wZXMiOltdfQ.LnqrO_UHaTjMNb9ve-rPBiwtxXkrRp7b-0GtzHsk2ty")
            .counterExamples("LEMONSQUEEZY_API_KEY=eyJ...")
            .rotation("https://app.lemonsqueezy.com/settings/api")
            .build(),
        prefixed(
                "paddle.api-key",
                "Paddle",
                "api-key",
                C,
                "Paddle Billing API key",
                "pdl_",
                "(?:live|sdbx)_apikey_[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}",
                80)
            .publicPrefix(16)
            .examples(
                "PADDLE_API_KEY=pdl_live_apikey_njf8unywepd9enzota3hlwllby_6AsRBKeD5oob5soKcQJ0vb_MuK")
            .counterExamples("PADDLE_API_KEY=pdl_live_apikey_...")
            .rotation("https://developer.paddle.com/api-reference/about/api-keys")
            .build(),
        Shapes.rule(
                "paddle.client-token",
                "Paddle",
                "publishable-key",
                Severity.INFO,
                "Paddle client-side token (public by design)")
            .keywords("paddle")
            .pattern(
                "(?i:paddle)[A-Za-z0-9_.-]{0,30}?(?i:token)"
                    + Shapes.ASSIGN
                    + "(?<secret>(?:live|test)_[a-z0-9]{27})"
                    + END)
            .prefixed(120)
            .examples("NEXT_PUBLIC_PADDLE_CLIENT_TOKEN=live_bmu2s9r9qys8bp3kctl2ftu0043")
            .counterExamples("NEXT_PUBLIC_PADDLE_CLIENT_TOKEN=live_...")
            .rotation("https://developer.paddle.com/paddlejs/client-side-tokens")
            .build());
  }
}
