package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.RESEND;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Resend: Resend API key. */
public final class ResendRules {
  /** The id of the rule for api keys. */
  public static final String API_KEY = "resend.api-key";

  private static final Severity H = Severity.HIGH;

  private ResendRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.prefixed(
                Shapes.rule(API_KEY, RESEND, "api-key", H, "Resend API key"),
                "re_",
                "[A-Za-z0-9]{8,10}_[A-Za-z0-9]{20,28}",
                40)
            .minEntropy(3.8)
            .examples("RESEND_API_KEY=re_aeyHbaNn_6z9qyZfzO9SEGKS20hMjvmZq")
            .counterExamples(
                "re_path_for_admin_urls_module_settings_x", "RESEND_API_KEY=re_123456789")
            .rotation("https://resend.com/api-keys")
            .build());
  }
}
