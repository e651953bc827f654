package dev.rekey.rotators.verify;

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
            bearer(
                "openai",
                "OpenAI",
                List.of("openai.admin-key"),
                "/v1/organization/projects?limit=1"),
            bearer("openai", "OpenAI", List.of("openai."), "/v1/models"),
            anthropic(List.of("anthropic.admin-key"), "/v1/organizations/api_keys?limit=1"),
            anthropic(List.of("anthropic."), "/v1/models?limit=1"),
            bearer(
                "stripe",
                "Stripe",
                List.of("stripe.secret-key", "stripe.restricted-key", "stripe.test-key"),
                "/v1/balance"),
            new AwsVerifier(),
            new HttpVerifier(
                "github",
                "GitHub",
                List.of(
                    "github.personal-access-token",
                    "github.fine-grained-token",
                    "github.oauth-token",
                    "github.app-user-token",
                    "github.app-installation-token"),
                (c, secret, urls) ->
                    ApiRequest.get(urls.resolve("github", "/user"))
                        .bearer(secret)
                        .header("Accept", "application/vnd.github+json")
                        .header("X-GitHub-Api-Version", "2022-11-28")),
            new GitLabVerifier(),
            new SlackVerifier(),
            bearer("sendgrid", "SendGrid", List.of("sendgrid.api-key"), "/v3/scopes"),
            new TwilioVerifier(),
            new HttpVerifier(
                "mailgun",
                "Mailgun",
                List.of("mailgun.api-key", "mailgun.private-key"),
                (c, secret, urls) ->
                    ApiRequest.get(urls.resolve("mailgun", "/v3/domains?limit=1"))
                        .basic("api", secret)),
            new GoogleVerifier(),
            new SupabaseVerifier(),
            bearer("huggingface", "Hugging Face", List.of("huggingface."), "/api/whoami-v2"),
            bearer("groq", "Groq", List.of("groq.api-key"), "/openai/v1/models"),
            bearer("replicate", "Replicate", List.of("replicate.api-token"), "/v1/account"),
            bearer("npm", "npm", List.of("npm.access-token"), "/-/whoami"),
            new ResendVerifier(),
            bearer("vercel", "Vercel", List.of("vercel.access-token"), "/v2/user"),
            new DatabaseVerifier()));
  }

  private static Verifier bearer(String provider, String label, List<String> rules, String path) {
    return new HttpVerifier(
        provider,
        label,
        rules,
        (c, secret, urls) -> ApiRequest.get(urls.resolve(provider, path)).bearer(secret));
  }

  private static Verifier anthropic(List<String> rules, String path) {
    return new HttpVerifier(
        "anthropic",
        "Anthropic",
        rules,
        (c, secret, urls) ->
            ApiRequest.get(urls.resolve("anthropic", path))
                .header("x-api-key", secret.reveal())
                .header("anthropic-version", "2023-06-01"));
  }
}
