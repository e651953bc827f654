package dev.rekey.detectors.rules;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every provider whose credentials rekey knows, in one place: its id, its name, the official base
 * URLs of the APIs rekey calls and the page where its keys are managed. Each built-in rule names
 * its provider from here, which is how the catalog knows the rule ids that belong to a provider;
 * verifiers, rotators and base URLs look providers and rules up here instead of spelling them.
 */
public final class ProviderCatalog {
  public static final Provider OPENAI =
      Provider.of("openai", "OpenAI")
          .withApi("https://api.openai.com")
          .withDashboard("https://platform.openai.com/api-keys");
  public static final Provider ANTHROPIC =
      Provider.of("anthropic", "Anthropic")
          .withApi("https://api.anthropic.com")
          .withDashboard("https://console.anthropic.com/settings/keys");
  public static final Provider GROQ =
      Provider.of("groq", "Groq")
          .withApi("https://api.groq.com")
          .withDashboard("https://console.groq.com/keys");
  public static final Provider REPLICATE =
      Provider.of("replicate", "Replicate")
          .withApi("https://api.replicate.com")
          .withDashboard("https://replicate.com/account/api-tokens");
  public static final Provider HUGGING_FACE =
      Provider.of("huggingface", "Hugging Face")
          .withApi("https://huggingface.co")
          .withDashboard("https://huggingface.co/settings/tokens");
  public static final Provider PERPLEXITY = Provider.of("perplexity", "Perplexity");
  public static final Provider XAI = Provider.of("xai", "xAI");
  public static final Provider LANGSMITH = Provider.of("langsmith", "LangSmith");
  public static final Provider OPENROUTER = Provider.of("openrouter", "OpenRouter");
  public static final Provider PINECONE = Provider.of("pinecone", "Pinecone");
  public static final Provider FIREWORKS_AI = Provider.of("fireworks", "Fireworks AI");
  public static final Provider MISTRAL_AI = Provider.of("mistral", "Mistral AI");
  public static final Provider COHERE = Provider.of("cohere", "Cohere");
  public static final Provider TOGETHER_AI = Provider.of("together", "Together AI");
  public static final Provider ELEVENLABS = Provider.of("elevenlabs", "ElevenLabs");
  public static final Provider DEEPSEEK = Provider.of("deepseek", "DeepSeek");
  public static final Provider GOOGLE =
      Provider.of("google", "Google").withApi("https://generativelanguage.googleapis.com");
  public static final Provider FIREBASE = Provider.of("firebase", "Firebase");
  public static final Provider GOOGLE_CLOUD = Provider.of("gcp", "Google Cloud");
  public static final Provider STRIPE =
      Provider.of("stripe", "Stripe")
          .withApi("https://api.stripe.com")
          .withDashboard("https://dashboard.stripe.com/apikeys");
  public static final Provider PAYPAL = Provider.of("paypal", "PayPal");
  public static final Provider BRAINTREE = Provider.of("braintree", "Braintree");
  public static final Provider SQUARE = Provider.of("square", "Square");
  public static final Provider LEMON_SQUEEZY = Provider.of("lemonsqueezy", "Lemon Squeezy");
  public static final Provider PADDLE = Provider.of("paddle", "Paddle");
  public static final Provider AWS = Provider.of("aws", "AWS").withApi("https://sts.amazonaws.com");
  public static final Provider AZURE = Provider.of("azure", "Azure");
  public static final Provider DIGITALOCEAN = Provider.of("digitalocean", "DigitalOcean");
  public static final Provider CLOUDFLARE = Provider.of("cloudflare", "Cloudflare");
  public static final Provider HEROKU = Provider.of("heroku", "Heroku");
  public static final Provider VERCEL =
      Provider.of("vercel", "Vercel")
          .withApi("https://api.vercel.com")
          .withDashboard("https://vercel.com/account/settings/tokens");
  public static final Provider NETLIFY = Provider.of("netlify", "Netlify");
  public static final Provider FLY_IO = Provider.of("fly", "Fly.io");
  public static final Provider RENDER = Provider.of("render", "Render");
  public static final Provider POSTGRESQL = Provider.of("postgresql", "PostgreSQL");
  public static final Provider MYSQL = Provider.of("mysql", "MySQL");
  public static final Provider MONGODB = Provider.of("mongodb", "MongoDB");
  public static final Provider REDIS = Provider.of("redis", "Redis");
  public static final Provider AMQP = Provider.of("amqp", "AMQP");
  public static final Provider SUPABASE =
      Provider.of("supabase", "Supabase")
          .withApi("https://{ref}.supabase.co")
          .withApi("supabase-api", "https://api.supabase.com");
  public static final Provider CLERK =
      Provider.of("clerk", "Clerk").withDashboard("https://dashboard.clerk.com/~/api-keys");
  public static final Provider AUTH0 = Provider.of("auth0", "Auth0");
  public static final Provider PLANETSCALE = Provider.of("planetscale", "PlanetScale");
  public static final Provider UPSTASH = Provider.of("upstash", "Upstash");
  public static final Provider NEON = Provider.of("neon", "Neon");
  public static final Provider GITHUB =
      Provider.of("github", "GitHub").withApi("https://api.github.com");
  public static final Provider GITLAB =
      Provider.of("gitlab", "GitLab").withApi("https://gitlab.com");
  public static final Provider NPM =
      Provider.of("npm", "npm")
          .withApi("https://registry.npmjs.org")
          .withDashboard("https://www.npmjs.com/settings/~/tokens");
  public static final Provider PYPI = Provider.of("pypi", "PyPI");
  public static final Provider DOCKER = Provider.of("docker", "Docker");
  public static final Provider SENTRY = Provider.of("sentry", "Sentry");
  public static final Provider ATLASSIAN = Provider.of("atlassian", "Atlassian");
  public static final Provider LINEAR = Provider.of("linear", "Linear");
  public static final Provider NOTION = Provider.of("notion", "Notion");
  public static final Provider POSTMAN = Provider.of("postman", "Postman");
  public static final Provider HASHICORP = Provider.of("hashicorp", "HashiCorp");
  public static final Provider SHOPIFY = Provider.of("shopify", "Shopify");
  public static final Provider SLACK =
      Provider.of("slack", "Slack")
          .withApi("https://slack.com")
          .withDashboard("https://api.slack.com/apps");
  public static final Provider DISCORD = Provider.of("discord", "Discord");
  public static final Provider TELEGRAM = Provider.of("telegram", "Telegram");
  public static final Provider TWILIO =
      Provider.of("twilio", "Twilio")
          .withApi("https://api.twilio.com")
          .withDashboard("https://console.twilio.com/us1/account/keys-credentials/api-keys");
  public static final Provider SENDGRID =
      Provider.of("sendgrid", "SendGrid")
          .withApi("https://api.sendgrid.com")
          .withDashboard("https://app.sendgrid.com/settings/api_keys");
  public static final Provider MAILGUN =
      Provider.of("mailgun", "Mailgun")
          .withApi("https://api.mailgun.net")
          .withDashboard("https://app.mailgun.com/settings/api_security");
  public static final Provider POSTMARK = Provider.of("postmark", "Postmark");
  public static final Provider RESEND =
      Provider.of("resend", "Resend")
          .withApi("https://api.resend.com")
          .withDashboard("https://resend.com/api-keys");
  public static final Provider MAILCHIMP = Provider.of("mailchimp", "Mailchimp");
  public static final Provider BREVO = Provider.of("brevo", "Brevo");
  public static final Provider PRIVATE_KEY = Provider.of("private-key", "Private key");
  public static final Provider HTTP = Provider.of("http", "HTTP");
  public static final Provider ALGOLIA = Provider.of("algolia", "Algolia");
  public static final Provider LARAVEL = Provider.of("laravel", "Laravel");
  public static final Provider RAILS = Provider.of("rails", "Rails");
  public static final Provider WORDPRESS = Provider.of("wordpress", "WordPress");
  public static final Provider NETRC = Provider.of("netrc", "netrc");
  public static final Provider BROWSER = Provider.of("browser", "Browser");
  public static final Provider WINSCP = Provider.of("winscp", "WinSCP");
  public static final Provider PASSWORD_HASH = Provider.of("password-hash", "Password hash");
  public static final Provider GENERIC = Provider.of("generic", "Generic");

  /** Supabase's management API (projects and their keys), beside each project's own API. */
  public static final Provider.Api SUPABASE_MANAGEMENT = SUPABASE.apis().get(1);

  private static final List<Provider> ALL =
      List.of(
          OPENAI,
          ANTHROPIC,
          GROQ,
          REPLICATE,
          HUGGING_FACE,
          PERPLEXITY,
          XAI,
          LANGSMITH,
          OPENROUTER,
          PINECONE,
          FIREWORKS_AI,
          MISTRAL_AI,
          COHERE,
          TOGETHER_AI,
          ELEVENLABS,
          DEEPSEEK,
          GOOGLE,
          FIREBASE,
          GOOGLE_CLOUD,
          STRIPE,
          PAYPAL,
          BRAINTREE,
          SQUARE,
          LEMON_SQUEEZY,
          PADDLE,
          AWS,
          AZURE,
          DIGITALOCEAN,
          CLOUDFLARE,
          HEROKU,
          VERCEL,
          NETLIFY,
          FLY_IO,
          RENDER,
          POSTGRESQL,
          MYSQL,
          MONGODB,
          REDIS,
          AMQP,
          SUPABASE,
          CLERK,
          AUTH0,
          PLANETSCALE,
          UPSTASH,
          NEON,
          GITHUB,
          GITLAB,
          NPM,
          PYPI,
          DOCKER,
          SENTRY,
          ATLASSIAN,
          LINEAR,
          NOTION,
          POSTMAN,
          HASHICORP,
          SHOPIFY,
          SLACK,
          DISCORD,
          TELEGRAM,
          TWILIO,
          SENDGRID,
          MAILGUN,
          POSTMARK,
          RESEND,
          MAILCHIMP,
          BREVO,
          PRIVATE_KEY,
          HTTP,
          ALGOLIA,
          LARAVEL,
          RAILS,
          WORDPRESS,
          NETRC,
          BROWSER,
          WINSCP,
          PASSWORD_HASH,
          GENERIC);

  private static final Map<String, Provider> BY_ID =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Provider::id, Function.identity()));

  private ProviderCatalog() {}

  /** Every provider, in the order of the rule files. */
  public static List<Provider> all() {
    return ALL;
  }

  /** The provider with this id. */
  public static Optional<Provider> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The provider of the built-in rule {@code ruleId}. */
  public static Optional<Provider> forRule(String ruleId) {
    return RuleCatalog.byId(ruleId).map(Rule::provider);
  }

  /** The ids of the built-in rules of {@code provider}, in catalog order. */
  public static List<String> ruleIds(Provider provider) {
    return RuleCatalog.builtIn().stream()
        .filter(rule -> rule.provider().equals(provider))
        .map(Rule::id)
        .toList();
  }
}
