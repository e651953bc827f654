package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import java.util.ArrayList;
import java.util.List;

/** Collects the per-provider rule files. Adding a provider is one file and one line here. */
public final class BuiltinRules {
  private BuiltinRules() {}

  /** All built-in rules, grouped by provider family; generic rules last. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(OpenAiRules.rules());
    rules.addAll(AnthropicRules.rules());
    rules.addAll(AiRules.rules());
    rules.addAll(GoogleRules.rules());
    rules.addAll(StripeRules.rules());
    rules.addAll(PaymentRules.rules());
    rules.addAll(AwsRules.rules());
    rules.addAll(AzureRules.rules());
    rules.addAll(HostingRules.rules());
    rules.addAll(DatabaseRules.rules());
    rules.addAll(SupabaseRules.rules());
    rules.addAll(BackendRules.rules());
    rules.addAll(GitHubRules.rules());
    rules.addAll(GitLabRules.rules());
    rules.addAll(DevPlatformRules.rules());
    rules.addAll(SlackRules.rules());
    rules.addAll(MessagingRules.rules());
    rules.addAll(EmailRules.rules());
    rules.addAll(PrivateKeyRules.rules());
    rules.addAll(KeyFileRules.rules());
    rules.addAll(EmbeddedCredentialRules.rules());
    rules.addAll(CredentialFileRules.rules());
    rules.addAll(FrameworkKeyRules.rules());
    rules.addAll(PasswordHashRules.rules());
    rules.addAll(PublicKeyRules.rules());
    rules.addAll(PasswordRules.rules());
    rules.addAll(GenericRules.rules());
    return rules;
  }
}
