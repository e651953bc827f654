package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.POSTMAN;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Postman: Postman API key. */
final class PostmanRules {
  private static final Severity H = Severity.HIGH;

  private PostmanRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("postman.api-key", POSTMAN, "api-key", H, "Postman API key"),
                "PMAK-",
                "[a-f0-9]{24}-[a-f0-9]{34}",
                59)
            .examples(
                "POSTMAN_API_KEY=PMAK-57f8cd957e506a9ee745336b-053d68ce85f4b985ca0270b9ef319014a4")
            .counterExamples("POSTMAN_API_KEY=PMAK-...")
            .rotation("https://learning.postman.com/docs/developer/postman-api/authentication/")
            .build());
  }
}
