package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.CLOUDFLARE;
import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Cloudflare: Cloudflare API token; Cloudflare global API key; Cloudflare Origin CA key. */
final class CloudflareRules {
  private static final Severity C = Severity.CRITICAL;
  private static final String CF =
      "https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/";

  private CloudflareRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule(
                    "cloudflare.api-token", CLOUDFLARE, "api-token", C, "Cloudflare API token"),
                "cloudflare",
                "[A-Za-z0-9_-]{40}")
            .examples("CLOUDFLARE_API_TOKEN=0zp5AJp85n0YZruxbMFtUPvUg2cQiSRHMmCMIyWe")
            .counterExamples("CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}")
            .rotation(CF)
            .build(),
        named(
                Shapes.rule(
                    "cloudflare.global-api-key",
                    CLOUDFLARE,
                    "global-api-key",
                    C,
                    "Cloudflare global API key"),
                "cloudflare",
                "[a-f0-9]{37}")
            .examples("CLOUDFLARE_GLOBAL_API_KEY=41f51489dc2af76c4cc7beced23895f284d06")
            .counterExamples("CLOUDFLARE_GLOBAL_API_KEY=<global-key>")
            .rotation("https://developers.cloudflare.com/fundamentals/api/get-started/keys/")
            .build(),
        prefixed(
                Shapes.rule(
                    "cloudflare.origin-ca-key",
                    CLOUDFLARE,
                    "origin-ca-key",
                    C,
                    "Cloudflare Origin CA key"),
                "v1.0-",
                "[a-f0-9]{24}-[a-f0-9]{146}",
                171)
            .examples(
                "CF_ORIGIN_CA_KEY=v1.0-689ad8bb12713ea3fac09eaf-9fa759e9b848500688e37beb6698fb38a71233deb8e24a4f3e851fbb88bfc17a781f1a0081a77eceb1b8d37bd9d70c849b68b1b967e867a02bbdac3cfc04981ef7d34b4bc4dc4e1da3")
            .counterExamples("version v1.0-beta released")
            .rotation("https://developers.cloudflare.com/ssl/origin-configuration/origin-ca/")
            .build());
  }
}
