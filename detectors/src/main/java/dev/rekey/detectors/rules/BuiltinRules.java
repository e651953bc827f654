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
    rules.addAll(GroqRules.rules());
    rules.addAll(ReplicateRules.rules());
    rules.addAll(HuggingFaceRules.rules());
    rules.addAll(PerplexityRules.rules());
    rules.addAll(XaiRules.rules());
    rules.addAll(LangSmithRules.rules());
    rules.addAll(OpenRouterRules.rules());
    rules.addAll(PineconeRules.rules());
    rules.addAll(FireworksRules.rules());
    rules.addAll(MistralRules.rules());
    rules.addAll(CohereRules.rules());
    rules.addAll(TogetherRules.rules());
    rules.addAll(ElevenLabsRules.rules());
    rules.addAll(DeepSeekRules.rules());
    rules.addAll(GoogleRules.rules());
    rules.addAll(StripeRules.rules());
    rules.addAll(PayPalRules.rules());
    rules.addAll(BraintreeRules.rules());
    rules.addAll(SquareRules.rules());
    rules.addAll(LemonSqueezyRules.rules());
    rules.addAll(PaddleRules.rules());
    rules.addAll(AwsRules.rules());
    rules.addAll(AzureRules.rules());
    rules.addAll(DigitalOceanRules.rules());
    rules.addAll(CloudflareRules.rules());
    rules.addAll(HerokuRules.rules());
    rules.addAll(VercelRules.rules());
    rules.addAll(NetlifyRules.rules());
    rules.addAll(FlyRules.rules());
    rules.addAll(RenderRules.rules());
    rules.addAll(DatabaseRules.rules());
    rules.addAll(SupabaseRules.rules());
    rules.addAll(ClerkRules.rules());
    rules.addAll(Auth0Rules.rules());
    rules.addAll(PlanetScaleRules.rules());
    rules.addAll(UpstashRules.rules());
    rules.addAll(NeonRules.rules());
    rules.addAll(GitHubRules.rules());
    rules.addAll(GitLabRules.rules());
    rules.addAll(NpmRules.rules());
    rules.addAll(PypiRules.rules());
    rules.addAll(DockerRules.rules());
    rules.addAll(SentryRules.rules());
    rules.addAll(AtlassianRules.rules());
    rules.addAll(LinearRules.rules());
    rules.addAll(NotionRules.rules());
    rules.addAll(PostmanRules.rules());
    rules.addAll(HashiCorpRules.rules());
    rules.addAll(ShopifyRules.rules());
    rules.addAll(SlackRules.rules());
    rules.addAll(DiscordRules.rules());
    rules.addAll(TelegramRules.rules());
    rules.addAll(TwilioRules.rules());
    rules.addAll(SendGridRules.rules());
    rules.addAll(MailgunRules.rules());
    rules.addAll(PostmarkRules.rules());
    rules.addAll(ResendRules.rules());
    rules.addAll(MailchimpRules.rules());
    rules.addAll(BrevoRules.rules());
    rules.addAll(PrivateKeyRules.rules());
    rules.addAll(KeyFileRules.rules());
    rules.addAll(EmbeddedCredentialRules.rules());
    rules.addAll(CredentialFileRules.rules());
    rules.addAll(ClientStoreRules.rules());
    rules.addAll(FrameworkKeyRules.rules());
    rules.addAll(PasswordHashRules.rules());
    rules.addAll(PublicKeyRules.rules());
    rules.addAll(PasswordRules.rules());
    rules.addAll(GenericRules.rules());
    return rules;
  }
}
