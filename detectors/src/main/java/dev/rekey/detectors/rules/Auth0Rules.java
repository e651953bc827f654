package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.AUTH0;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Auth0: Auth0 application client secret. */
final class Auth0Rules {
  private static final Severity C = Severity.CRITICAL;

  private Auth0Rules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule(
                    "auth0.client-secret",
                    AUTH0,
                    "client-secret",
                    C,
                    "Auth0 application client secret"),
                "auth0",
                "[A-Za-z0-9_-]{64}")
            .examples(
                "AUTH0_CLIENT_SECRET=fkhrfv86AfyOVOnIRIJzMMJcWPvNKhKmA7g9Lu8uvk5WV-TU3BnEsRoHJm1in2r2")
            .counterExamples(
                "AUTH0_CLIENT_SECRET='use-your-own-client-secret-from-the-auth0-dashboard-please-ok'")
            .rotation("https://auth0.com/docs/get-started/applications/rotate-client-secret")
            .build());
  }
}
