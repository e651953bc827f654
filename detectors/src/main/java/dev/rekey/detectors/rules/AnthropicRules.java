package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Anthropic API and admin keys: a versioned prefix, 93 URL-safe characters and {@code AA}. */
final class AnthropicRules {
  private AnthropicRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.builder("anthropic.api-key")
            .provider("Anthropic")
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
        Rule.builder("anthropic.admin-key")
            .provider("Anthropic")
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
