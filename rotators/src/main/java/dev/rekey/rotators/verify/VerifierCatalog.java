package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.ANTHROPIC;
import static dev.rekey.detectors.rules.ProviderCatalog.GITHUB;
import static dev.rekey.detectors.rules.ProviderCatalog.GROQ;
import static dev.rekey.detectors.rules.ProviderCatalog.HUGGING_FACE;
import static dev.rekey.detectors.rules.ProviderCatalog.MAILGUN;
import static dev.rekey.detectors.rules.ProviderCatalog.MYSQL;
import static dev.rekey.detectors.rules.ProviderCatalog.NPM;
import static dev.rekey.detectors.rules.ProviderCatalog.OPENAI;
import static dev.rekey.detectors.rules.ProviderCatalog.POSTGRESQL;
import static dev.rekey.detectors.rules.ProviderCatalog.REPLICATE;
import static dev.rekey.detectors.rules.ProviderCatalog.SENDGRID;
import static dev.rekey.detectors.rules.ProviderCatalog.STRIPE;
import static dev.rekey.detectors.rules.ProviderCatalog.VERCEL;
import static dev.rekey.detectors.rules.ProviderCatalog.ruleIds;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.rules.AnthropicRules;
import dev.rekey.detectors.rules.DatabaseRules;
import dev.rekey.detectors.rules.GitHubRules;
import dev.rekey.detectors.rules.GroqRules;
import dev.rekey.detectors.rules.MailgunRules;
import dev.rekey.detectors.rules.NpmRules;
import dev.rekey.detectors.rules.OpenAiRules;
import dev.rekey.detectors.rules.ReplicateRules;
import dev.rekey.detectors.rules.SendGridRules;
import dev.rekey.detectors.rules.StripeRules;
import dev.rekey.detectors.rules.VercelRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.http.ApiRequest;
import java.util.List;
import java.util.Optional;

/**
 * The built-in verifiers, one read-only call each, keyed by rule id. Each row names the call it
 * makes; the special cases (Slack's 200-with-error answers, AWS's signed STS call, Google's error
 * reasons, Twilio's key pairs, Supabase's per-project URL, GitLab's self-description, database
 * logins) are classes of their own.
 */
public final class VerifierCatalog {
  private final List<Verifier> verifiers;

  public VerifierCatalog(List<Verifier> verifiers) {
    this.verifiers = List.copyOf(verifiers);
  }

  /** The verifier for this credential, if rekey has one. */
  public Optional<Verifier> forCredential(Credential credential) {
    return verifiers.stream().filter(v -> v.handles(credential)).findFirst();
  }

  public List<Verifier> all() {
    return verifiers;
  }

  public static VerifierCatalog builtIn() {
    return new VerifierCatalog(
        List.of(
            bearer(OPENAI, List.of(OpenAiRules.ADMIN_KEY), "/v1/organization/projects?limit=1"),
            bearer(OPENAI, ruleIds(OPENAI), "/v1/models"),
            anthropic(List.of(AnthropicRules.ADMIN_KEY), "/v1/organizations/api_keys?limit=1"),
            anthropic(ruleIds(ANTHROPIC), "/v1/models?limit=1"),
            bearer(
                STRIPE,
                List.of(StripeRules.SECRET_KEY, StripeRules.RESTRICTED_KEY, StripeRules.TEST_KEY),
                "/v1/balance"),
            new AwsVerifier(),
            new HttpVerifier(
                GITHUB,
                List.of(
                    GitHubRules.PERSONAL_ACCESS_TOKEN,
                    GitHubRules.FINE_GRAINED_TOKEN,
                    GitHubRules.OAUTH_TOKEN,
                    GitHubRules.APP_USER_TOKEN,
                    GitHubRules.APP_INSTALLATION_TOKEN),
                (c, secret, urls) ->
                    ApiRequest.get(urls.resolve(GITHUB, "/user"))
                        .bearer(secret)
                        .header("Accept", "application/vnd.github+json")
                        .header("X-GitHub-Api-Version", "2022-11-28")),
            new GitLabVerifier(),
            new SlackVerifier(),
            bearer(SENDGRID, List.of(SendGridRules.API_KEY), "/v3/scopes"),
            new TwilioVerifier(),
            new HttpVerifier(
                MAILGUN,
                List.of(MailgunRules.API_KEY, MailgunRules.PRIVATE_KEY),
                (c, secret, urls) ->
                    ApiRequest.get(urls.resolve(MAILGUN, "/v3/domains?limit=1"))
                        .basic("api", secret)),
            new GoogleVerifier(),
            new SupabaseVerifier(),
            bearer(HUGGING_FACE, ruleIds(HUGGING_FACE), "/api/whoami-v2"),
            bearer(GROQ, List.of(GroqRules.API_KEY), "/openai/v1/models"),
            bearer(REPLICATE, List.of(ReplicateRules.API_TOKEN), "/v1/account"),
            bearer(NPM, List.of(NpmRules.ACCESS_TOKEN), "/-/whoami"),
            new ResendVerifier(),
            bearer(VERCEL, List.of(VercelRules.ACCESS_TOKEN), "/v2/user"),
            new DatabaseVerifier(POSTGRESQL, DatabaseRules.POSTGRES_URL),
            new DatabaseVerifier(MYSQL, DatabaseRules.MYSQL_URL)));
  }

  private static Verifier bearer(Provider provider, List<String> rules, String path) {
    return new HttpVerifier(
        provider,
        rules,
        (c, secret, urls) -> ApiRequest.get(urls.resolve(provider, path)).bearer(secret));
  }

  private static Verifier anthropic(List<String> rules, String path) {
    return new HttpVerifier(
        ANTHROPIC,
        rules,
        (c, secret, urls) ->
            ApiRequest.get(urls.resolve(ANTHROPIC, path))
                .header("x-api-key", secret.reveal())
                .header("anthropic-version", "2023-06-01"));
  }
}
