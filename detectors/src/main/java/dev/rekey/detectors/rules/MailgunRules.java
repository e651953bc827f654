package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.MAILGUN;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Mailgun: Mailgun API key (legacy key- format); Mailgun private API key. */
public final class MailgunRules {
  /** The id of the rule for api keys. */
  public static final String API_KEY = "mailgun.api-key";

  /** The id of the rule for private keys. */
  public static final String PRIVATE_KEY = "mailgun.private-key";

  private static final Severity H = Severity.HIGH;
  private static final String MAILGUN_ROTATE =
      "https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials";

  private MailgunRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.prefixed(
                Shapes.rule(API_KEY, MAILGUN, "api-key", H, "Mailgun API key (legacy key- format)"),
                "key-",
                "[a-f0-9]{32}",
                32)
            .examples("MAILGUN_API_KEY=key-c845f6ccf9b6dadad4ffb07ea1212c23")
            .counterExamples("const map = {'key-value': 1}", "MAILGUN_API_KEY=key-<your-key>")
            .rotation(MAILGUN_ROTATE)
            .build(),
        Shapes.named(
                Shapes.rule(PRIVATE_KEY, MAILGUN, "api-key", H, "Mailgun private API key"),
                "mailgun",
                "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}")
            .examples("MAILGUN_API_KEY=4dc00382ba2af7ed81e28260a2ec0f88-63996fd0-82c43a03")
            .counterExamples("MAILGUN_DOMAIN=mg.shop.io")
            .rotation(MAILGUN_ROTATE)
            .build());
  }
}
