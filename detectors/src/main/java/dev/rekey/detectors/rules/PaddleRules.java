package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PADDLE;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Paddle: Paddle Billing API key; Paddle client-side token (public by design). */
final class PaddleRules {
  private static final Severity C = Severity.CRITICAL;

  private PaddleRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("paddle.api-key", PADDLE, "api-key", C, "Paddle Billing API key"),
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
                PADDLE,
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
