package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Email delivery: SendGrid, Mailgun, Postmark, Resend, Mailchimp and Brevo. */
final class EmailRules {
  private static final Severity H = Severity.HIGH;
  private static final String MAILGUN =
      "https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials";

  private EmailRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.prefixed(
                "sendgrid.api-key",
                "SendGrid",
                "api-key",
                H,
                "SendGrid API key",
                "SG.",
                "[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}",
                66)
            .minEntropy(4.0)
            .examples(
                "SENDGRID_API_KEY=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")
            .counterExamples(
                "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://app.sendgrid.com/settings/api_keys")
            .build(),
        Shapes.prefixed(
                "mailgun.api-key",
                "Mailgun",
                "api-key",
                H,
                "Mailgun API key (legacy key- format)",
                "key-",
                "[a-f0-9]{32}",
                32)
            .examples("MAILGUN_API_KEY=key-c845f6ccf9b6dadad4ffb07ea1212c23")
            .counterExamples("const map = {'key-value': 1}", "MAILGUN_API_KEY=key-<your-key>")
            .rotation(MAILGUN)
            .build(),
        Shapes.named(
                "mailgun.private-key",
                "Mailgun",
                "api-key",
                H,
                "Mailgun private API key",
                "mailgun",
                "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}")
            .examples("MAILGUN_API_KEY=4dc00382ba2af7ed81e28260a2ec0f88-63996fd0-82c43a03")
            .counterExamples("MAILGUN_DOMAIN=mg.shop.io")
            .rotation(MAILGUN)
            .build(),
        Shapes.named(
                "postmark.server-token",
                "Postmark",
                "server-token",
                H,
                "Postmark server or account API token",
                "postmark",
                Shapes.UUID)
            .examples("POSTMARK_SERVER_TOKEN=3ff4e9ad-ed60-4250-a271-4db7595b09b2")
            .counterExamples("POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST")
            .rotation(
                "https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens")
            .build(),
        Shapes.prefixed(
                "resend.api-key",
                "Resend",
                "api-key",
                H,
                "Resend API key",
                "re_",
                "[A-Za-z0-9]{8,10}_[A-Za-z0-9]{20,28}",
                40)
            .minEntropy(3.8)
            .examples("RESEND_API_KEY=re_aeyHbaNn_6z9qyZfzO9SEGKS20hMjvmZq")
            .counterExamples(
                "re_path_for_admin_urls_module_settings_x", "RESEND_API_KEY=re_123456789")
            .rotation("https://resend.com/api-keys")
            .build(),
        Shapes.rule("mailchimp.api-key", "Mailchimp", "api-key", H, "Mailchimp Marketing API key")
            .keywords("-us")
            .pattern(START + "([a-f0-9]{32}-us[0-9]{1,2})" + END)
            .window(33, 6)
            .examples("MAILCHIMP_API_KEY=101eeac9f039b24fb28548890ca689a2-us21")
            .counterExamples("lang=en-us")
            .rotation("https://mailchimp.com/help/about-api-keys/")
            .build(),
        Shapes.prefixed(
                "brevo.api-key",
                "Brevo",
                "api-key",
                H,
                "Brevo (Sendinblue) API key",
                "xkeysib-",
                "[a-f0-9]{64}-[A-Za-z0-9]{16}",
                81)
            .examples(
                "BREVO_API_KEY=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")
            .counterExamples("BREVO_API_KEY=xkeysib-...")
            .rotation("https://help.brevo.com/hc/en-us/articles/209467485")
            .build());
  }
}
