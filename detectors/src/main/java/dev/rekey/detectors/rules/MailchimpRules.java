package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.MAILCHIMP;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Mailchimp: Mailchimp Marketing API key. */
final class MailchimpRules {
  private static final Severity H = Severity.HIGH;

  private MailchimpRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule("mailchimp.api-key", MAILCHIMP, "api-key", H, "Mailchimp Marketing API key")
            .keywords("-us")
            .pattern(START + "([a-f0-9]{32}-us[0-9]{1,2})" + END)
            .window(33, 6)
            .examples("MAILCHIMP_API_KEY=101eeac9f039b24fb28548890ca689a2-us21")
            .counterExamples("lang=en-us")
            .rotation("https://mailchimp.com/help/about-api-keys/")
            .build());
  }
}
