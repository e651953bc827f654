package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.ANTHROPIC;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Anthropic API and admin keys: a versioned prefix, 93 URL-safe characters and {@code AA}. */
public final class AnthropicRules {
  /** The id of the rule for api keys. */
  public static final String API_KEY = "anthropic.api-key";

  /** The id of the rule for admin keys. */
  public static final String ADMIN_KEY = "anthropic.admin-key";

  private AnthropicRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.builder(API_KEY)
            .provider(ANTHROPIC)
            .kind("api-key")
            .severity(Severity.CRITICAL)
            .description("Anthropic API key")
            .keywords("sk-ant-api")
            .pattern("(?<![A-Za-z0-9_-])(sk-ant-api\\d{2}-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])")
            .window(0, 120)
            .publicPrefix(13)
            .examples(
                "ANTHROPIC_API_KEY=sk-ant-api03-63guwC_pjR9PtoejZHnfaZ5GrHuTE0jd0j8My4oy1OILnCw0Nkr9WoMUssLZ2shr3zJRrsBHX0P_pzr47oGQWeqUcmhwdAA")
            .counterExamples(
                "ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA",
                "ANTHROPIC_API_KEY=sk-ant-api03-...")
            .rotation("https://console.anthropic.com/settings/keys")
            .build(),
        Rule.builder(ADMIN_KEY)
            .provider(ANTHROPIC)
            .kind("admin-key")
            .severity(Severity.CRITICAL)
            .description("Anthropic Admin API key")
            .keywords("sk-ant-admin")
            .pattern("(?<![A-Za-z0-9_-])(sk-ant-admin\\d{2}-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])")
            .window(0, 120)
            .publicPrefix(15)
            .examples(
                "admin_key = \"sk-ant-admin01-Dk4vJ-CsJ63cBGiDTZJTPCoc0xkQyiN6Ig_lJeqDzjqRk6SYf8U96lpx0Y9SyLj3iMQ_Td2MhxSAjyHNaXObwJ6JRBCAYAA\"")
            .counterExamples("admin_key = \"sk-ant-admin01-your-admin-key\"")
            .rotation("https://console.anthropic.com/settings/admin-keys")
            .build());
  }
}
