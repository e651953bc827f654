package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.DIGITALOCEAN;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * DigitalOcean: DigitalOcean personal access token; DigitalOcean OAuth access token; DigitalOcean
 * OAuth refresh token.
 */
final class DigitalOceanRules {
  private static final Severity C = Severity.CRITICAL;
  private static final String DO =
      "https://docs.digitalocean.com/reference/api/create-personal-access-token/";

  private DigitalOceanRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "digitalocean.personal-access-token",
                    DIGITALOCEAN,
                    "personal-access-token",
                    C,
                    "DigitalOcean personal access token"),
                "dop_v1_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "DIGITALOCEAN_TOKEN=dop_v1_0287a9584a1ae0446ce74bb5320573d967641ffd57aa2dc483ad80523dd91d40")
            .counterExamples("DIGITALOCEAN_TOKEN=dop_v1_...")
            .rotation(DO)
            .build(),
        prefixed(
                Shapes.rule(
                    "digitalocean.oauth-token",
                    DIGITALOCEAN,
                    "oauth-token",
                    C,
                    "DigitalOcean OAuth access token"),
                "doo_v1_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "token = \"doo_v1_9f101f791ad8a103aabeda2375ce6f8d51d99c710b995c267165c230ce16b272\"")
            .counterExamples("token = \"doo_v1_<token>\"")
            .rotation(DO)
            .build(),
        prefixed(
                Shapes.rule(
                    "digitalocean.refresh-token",
                    DIGITALOCEAN,
                    "refresh-token",
                    C,
                    "DigitalOcean OAuth refresh token"),
                "dor_v1_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "refresh: dor_v1_3a63b5f66e1d2c00e10e3d5e2bfab658b212c4cbfd18328a3644bfdca90712bd")
            .counterExamples("refresh: dor_v1_xxxxxxxx")
            .rotation(DO)
            .build());
  }
}
