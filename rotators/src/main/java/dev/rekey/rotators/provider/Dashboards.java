package dev.rekey.rotators.provider;

import dev.rekey.rotators.Credential;
import java.util.Map;

/**
 * The provider's own page where a user creates and revokes keys, for guided rotations: a deep link
 * to the dashboard where one is known, else the rule's rotation page, else a description.
 */
public final class Dashboards {
  /** Dashboard pages by rule id or rule id prefix (ending in a dot). */
  private static final Map<String, String> PAGES =
      Map.ofEntries(
          Map.entry(
              "openai.admin-key", "https://platform.openai.com/settings/organization/admin-keys"),
          Map.entry("openai.", "https://platform.openai.com/api-keys"),
          Map.entry("anthropic.", "https://console.anthropic.com/settings/keys"),
          Map.entry("stripe.test-key", "https://dashboard.stripe.com/test/apikeys"),
          Map.entry("stripe.", "https://dashboard.stripe.com/apikeys"),
          Map.entry(
              "github.fine-grained-token", "https://github.com/settings/personal-access-tokens"),
          Map.entry("github.personal-access-token", "https://github.com/settings/tokens"),
          Map.entry(
              "gitlab.personal-access-token",
              "https://gitlab.com/-/user_settings/personal_access_tokens"),
          Map.entry("slack.", "https://api.slack.com/apps"),
          Map.entry("sendgrid.", "https://app.sendgrid.com/settings/api_keys"),
          Map.entry("twilio.", "https://console.twilio.com/us1/account/keys-credentials/api-keys"),
          Map.entry("mailgun.", "https://app.mailgun.com/settings/api_security"),
          Map.entry("resend.", "https://resend.com/api-keys"),
          Map.entry("npm.", "https://www.npmjs.com/settings/~/tokens"),
          Map.entry("huggingface.", "https://huggingface.co/settings/tokens"),
          Map.entry("groq.", "https://console.groq.com/keys"),
          Map.entry("replicate.", "https://replicate.com/account/api-tokens"),
          Map.entry("clerk.", "https://dashboard.clerk.com/~/api-keys"),
          Map.entry("vercel.", "https://vercel.com/account/settings/tokens"));

  private Dashboards() {}

  public static String page(Credential credential) {
    String rule = credential.ruleId();
    String exact = PAGES.get(rule);
    if (exact != null) {
      return exact;
    }
    String prefix = rule.contains(".") ? rule.substring(0, rule.indexOf('.') + 1) : rule;
    String byProvider = PAGES.get(prefix);
    if (byProvider != null) {
      return byProvider;
    }
    String url = credential.rotationUrl();
    return url != null ? url : "the " + credential.provider() + " dashboard";
  }
}
