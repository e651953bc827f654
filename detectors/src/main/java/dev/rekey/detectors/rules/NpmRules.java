package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.NPM;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** npm: npm access token (checksum verified). */
public final class NpmRules {
  /** The id of the rule for access tokens. */
  public static final String ACCESS_TOKEN = "npm.access-token";

  private static final Severity C = Severity.CRITICAL;

  private NpmRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    ACCESS_TOKEN, NPM, "access-token", C, "npm access token (checksum verified)"),
                "npm_",
                "[A-Za-z0-9]{36}",
                36)
            .check(new Base62Crc32Check(4))
            .examples("//registry.npmjs.org/:_authToken=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")
            .counterExamples(
                "//registry.npmjs.org/:_authToken=npm_SMlXd7fO9YgSgPenkmRkD3BwJhyHMXo1U0RW")
            .rotation("https://docs.npmjs.com/revoking-access-tokens")
            .build());
  }
}
