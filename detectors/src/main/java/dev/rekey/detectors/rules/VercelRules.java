package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.VERCEL;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Vercel: Vercel access token. */
public final class VercelRules {
  /** The id of the rule for access tokens. */
  public static final String ACCESS_TOKEN = "vercel.access-token";

  private static final Severity C = Severity.CRITICAL;

  private VercelRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule(ACCESS_TOKEN, VERCEL, "access-token", C, "Vercel access token"),
                "vercel",
                "[A-Za-z0-9]{24}")
            .examples("VERCEL_TOKEN=3FivvgoBFMLhkKntSu0p7zcW")
            .counterExamples("VERCEL_TOKEN=${VERCEL_TOKEN}")
            .rotation("https://vercel.com/account/settings/tokens")
            .build());
  }
}
