package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.OPENAI;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * OpenAI API keys. Every current key format carries {@code T3BlbkFJ} (base64 of "OpenAI") in its
 * middle, which makes it the keyword; the prefix tells the key's kind.
 */
public final class OpenAiRules {
  /** The id of the rule for api keys. */
  public static final String API_KEY = "openai.api-key";

  /** The id of the rule for service account keys. */
  public static final String SERVICE_ACCOUNT_KEY = "openai.service-account-key";

  /** The id of the rule for admin keys. */
  public static final String ADMIN_KEY = "openai.admin-key";

  private static final String ROTATE = "https://platform.openai.com/api-keys";
  private static final String BODY = "[A-Za-z0-9_-]{20,120}T3BlbkFJ[A-Za-z0-9_-]{20,120}";
  private static final String END = "(?![A-Za-z0-9_-])";

  private OpenAiRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.builder(API_KEY)
            .provider(OPENAI)
            .kind("api-key")
            .severity(Severity.CRITICAL)
            .description("OpenAI user or project API key")
            .keywords("t3blbkfj")
            .pattern("(?<![A-Za-z0-9_-])(sk-(?!svcacct-|admin-)(?:proj-)?" + BODY + ")" + END)
            .window(140, 130)
            .publicPrefix(8)
            .examples(
                "OPENAI_API_KEY=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",
                "const openai = new OpenAI({ apiKey: \"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\" });")
            .counterExamples(
                "OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxx",
                "OPENAI_API_KEY=sk-your-openai-key-here",
                "OPENAI_API_KEY=process.env.OPENAI_API_KEY")
            .rotation(ROTATE)
            .build(),
        Rule.builder(SERVICE_ACCOUNT_KEY)
            .provider(OPENAI)
            .kind("service-account-key")
            .severity(Severity.CRITICAL)
            .description("OpenAI project service-account API key")
            .keywords("t3blbkfj")
            .pattern("(?<![A-Za-z0-9_-])(sk-svcacct-" + BODY + ")" + END)
            .window(150, 130)
            .publicPrefix(11)
            .examples(
                "key: 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")
            .counterExamples("key: sk-svcacct-<your-service-account-key>")
            .rotation(ROTATE)
            .build(),
        Rule.builder(ADMIN_KEY)
            .provider(OPENAI)
            .kind("admin-key")
            .severity(Severity.CRITICAL)
            .description("OpenAI organization admin API key")
            .keywords("t3blbkfj")
            .pattern("(?<![A-Za-z0-9_-])(sk-admin-" + BODY + ")" + END)
            .window(150, 130)
            .publicPrefix(9)
            .examples(
                "OPENAI_ADMIN_KEY='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'")
            .counterExamples("OPENAI_ADMIN_KEY='sk-admin-...'")
            .rotation("https://platform.openai.com/settings/organization/admin-keys")
            .dashboard("https://platform.openai.com/settings/organization/admin-keys")
            .build());
  }
}
