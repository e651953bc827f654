package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.LINEAR;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Linear: Linear personal API key; Linear OAuth access token. */
final class LinearRules {
  private static final Severity C = Severity.CRITICAL;
  private static final Severity H = Severity.HIGH;

  private LinearRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("linear.api-key", LINEAR, "api-key", C, "Linear personal API key"),
                "lin_api_",
                "[A-Za-z0-9]{40}",
                40)
            .examples("LINEAR_API_KEY=lin_api_z1UfDrsqj7emPZhGbgbRXTgjPUVJ4nr5QBcPAMWI")
            .counterExamples("LINEAR_API_KEY=lin_api_...")
            .rotation("https://linear.app/settings/account/security")
            .build(),
        prefixed(
                Shapes.rule(
                    "linear.oauth-token", LINEAR, "oauth-token", H, "Linear OAuth access token"),
                "lin_oauth_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "token: lin_oauth_02d5a31db3c2e756341feda3cdc4a54dcddae1b41b9281ea82636cbf8bd5aabb")
            .counterExamples("token: lin_oauth_<token>")
            .rotation("https://linear.app/settings/api")
            .build());
  }
}
