package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.GROQ;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Groq: Groq API key. */
public final class GroqRules {
  /** The id of the rule for api keys. */
  public static final String API_KEY = "groq.api-key";

  private static final Severity C = Severity.CRITICAL;

  private GroqRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(API_KEY, GROQ, "api-key", C, "Groq API key"),
                "gsk_",
                "[A-Za-z0-9]{52}",
                52)
            .examples("GROQ_API_KEY=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")
            .counterExamples("GROQ_API_KEY=gsk_your_groq_api_key_here_xxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://console.groq.com/keys")
            .build());
  }
}
