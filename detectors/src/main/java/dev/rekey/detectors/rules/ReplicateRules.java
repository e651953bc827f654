package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.REPLICATE;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Replicate: Replicate API token. */
public final class ReplicateRules {
  /** The id of the rule for api tokens. */
  public static final String API_TOKEN = "replicate.api-token";

  private static final Severity C = Severity.CRITICAL;

  private ReplicateRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(API_TOKEN, REPLICATE, "api-token", C, "Replicate API token"),
                "r8_",
                "[A-Za-z0-9]{37}",
                37)
            .examples("REPLICATE_API_TOKEN=r8_QbatDT3brUGJD5H8EescLPy3QeI9eI6GKRn14")
            .counterExamples("REPLICATE_API_TOKEN=r8_<token>")
            .rotation("https://replicate.com/account/api-tokens")
            .build());
  }
}
