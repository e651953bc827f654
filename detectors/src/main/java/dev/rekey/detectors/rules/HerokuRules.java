package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.HEROKU;
import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Heroku: Heroku API key; Heroku API key (UUID format). */
final class HerokuRules {
  private static final Severity C = Severity.CRITICAL;
  private static final String HEROKU_ROTATE =
      "https://devcenter.heroku.com/articles/authentication#api-token-storage";

  private HerokuRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("heroku.api-key", HEROKU, "api-key", C, "Heroku API key"),
                "HRKU-",
                "[A-Za-z0-9_-]{58,60}",
                60)
            .examples(
                "HEROKU_API_KEY=HRKU-AAAo8TZFCMCUIQE4dLCM9t0zpfM_RnJm7mcEhBdCUJu3QuQI42f2nOEWTc")
            .counterExamples("HEROKU_API_KEY=HRKU-...")
            .rotation(HEROKU_ROTATE)
            .build(),
        named(
                Shapes.rule(
                    "heroku.legacy-api-key", HEROKU, "api-key", C, "Heroku API key (UUID format)"),
                "heroku",
                Shapes.UUID)
            .examples("HEROKU_API_KEY=d7578706-c387-42a8-aa93-932aca521d54")
            .counterExamples("HEROKU_APP_NAME=shop-prod")
            .rotation(HEROKU_ROTATE)
            .build());
  }
}
