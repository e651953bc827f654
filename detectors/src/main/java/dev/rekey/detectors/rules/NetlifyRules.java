package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.NETLIFY;
import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Netlify: Netlify personal access token; Netlify access token (unprefixed). */
final class NetlifyRules {
  private static final Severity C = Severity.CRITICAL;

  private NetlifyRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "netlify.access-token",
                    NETLIFY,
                    "access-token",
                    C,
                    "Netlify personal access token"),
                "nfp_",
                "[A-Za-z0-9]{36}",
                36)
            .examples("NETLIFY_AUTH_TOKEN=nfp_0vg3qGsdiGHVUHGmZUEFc1pyklTdoKMTC9Pu")
            .counterExamples("NETLIFY_AUTH_TOKEN=nfp_<token>")
            .rotation("https://app.netlify.com/user/applications#personal-access-tokens")
            .build(),
        named(
                Shapes.rule(
                    "netlify.legacy-access-token",
                    NETLIFY,
                    "access-token",
                    C,
                    "Netlify access token (unprefixed)"),
                "netlify",
                "[A-Za-z0-9_-]{43}")
            .examples("NETLIFY_AUTH_TOKEN=hUFinqxk1s3v3UaBJrGQKrND0nVq2aB1E1E7TvB6IAt")
            .counterExamples("NETLIFY_SITE_ID=shop")
            .rotation("https://app.netlify.com/user/applications#personal-access-tokens")
            .build());
  }
}
