package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PLANETSCALE;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * PlanetScale: PlanetScale service token; PlanetScale database password; PlanetScale OAuth token.
 */
final class PlanetScaleRules {
  private static final Severity C = Severity.CRITICAL;
  private static final String PSCALE = "https://planetscale.com/docs/concepts/service-tokens";

  private PlanetScaleRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "planetscale.service-token",
                    PLANETSCALE,
                    "service-token",
                    C,
                    "PlanetScale service token"),
                "pscale_tkn_",
                "[A-Za-z0-9_.-]{43}",
                43)
            .examples(
                "PLANETSCALE_SERVICE_TOKEN=pscale_tkn_4UnG0GUu8RxkR_j_IjiMZTaj4KZAhwf_i7Pq4JCc-KG")
            .counterExamples("PLANETSCALE_SERVICE_TOKEN=pscale_tkn_...")
            .rotation(PSCALE)
            .build(),
        prefixed(
                Shapes.rule(
                    "planetscale.password",
                    PLANETSCALE,
                    "database-password",
                    C,
                    "PlanetScale database password"),
                "pscale_pw_",
                "[A-Za-z0-9_.-]{43}",
                43)
            .examples("DATABASE_PASSWORD=pscale_pw_4UTDVz2OuqGW_A8mjwABY0GaAHfrUhVFroHdw_tZci8")
            .counterExamples("DATABASE_PASSWORD=pscale_pw_<password>")
            .rotation("https://planetscale.com/docs/concepts/connection-strings")
            .build(),
        prefixed(
                Shapes.rule(
                    "planetscale.oauth-token",
                    PLANETSCALE,
                    "oauth-token",
                    C,
                    "PlanetScale OAuth token"),
                "pscale_oauth_",
                "[A-Za-z0-9_.-]{32,64}",
                64)
            .examples("token: pscale_oauth_9OoE5jGjUhuRyMl44ZSCe33-WH9o2LAgPbzjpPueAOx")
            .counterExamples("token: pscale_oauth_...")
            .rotation(PSCALE)
            .build());
  }
}
