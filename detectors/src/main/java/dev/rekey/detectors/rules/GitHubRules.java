package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.GITHUB;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * GitHub tokens. Classic tokens end in a CRC32 checksum of their random part, checked here so a
 * string that merely looks like a token is not reported.
 */
public final class GitHubRules {
  /** The id of the rule for personal access tokens. */
  public static final String PERSONAL_ACCESS_TOKEN = "github.personal-access-token";

  /** The id of the rule for oauth tokens. */
  public static final String OAUTH_TOKEN = "github.oauth-token";

  /** The id of the rule for app user tokens. */
  public static final String APP_USER_TOKEN = "github.app-user-token";

  /** The id of the rule for app installation tokens. */
  public static final String APP_INSTALLATION_TOKEN = "github.app-installation-token";

  /** The id of the rule for fine grained tokens. */
  public static final String FINE_GRAINED_TOKEN = "github.fine-grained-token";

  private static final String ROTATE =
      "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation";

  private GitHubRules() {}

  static List<Rule> rules() {
    return List.of(
        classic(
                PERSONAL_ACCESS_TOKEN,
                "ghp_",
                "personal access token (classic)",
                "GITHUB_TOKEN=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",
                "GITHUB_TOKEN=ghp_bF3G6mvvrmlETKaCKF9AkJnexSJ8VHabcdeZ")
            .dashboard("https://github.com/settings/tokens")
            .build(),
        classic(
                OAUTH_TOKEN,
                "gho_",
                "OAuth access token",
                "token: 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",
                "token: gho_GJrqH41Uh4d480mRhE5U5cjRtn8uki4EtX1Q")
            .build(),
        classic(
                APP_USER_TOKEN,
                "ghu_",
                "GitHub App user-to-server token",
                "ghu_DiseUWZi35tnY29VTEnfpA5FjxDVQW3ykloH",
                "ghu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .build(),
        classic(
                APP_INSTALLATION_TOKEN,
                "ghs_",
                "GitHub App installation token",
                "Authorization: token ghs_Wg7M2lhBVgkx42PaURivrPGWzYRMhp1CRoW1",
                "Authorization: token ghs_Wg7M2lhBVgkx42PaURivrPGWzYRMhp1CRoW2")
            .build(),
        classic(
                "github.refresh-token",
                "ghr_",
                "GitHub App refresh token",
                "refresh_token=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",
                "refresh_token=ghr_<refresh-token>")
            .build(),
        Rule.builder(FINE_GRAINED_TOKEN)
            .provider(GITHUB)
            .kind("fine-grained-token")
            .severity(Severity.CRITICAL)
            .description("GitHub fine-grained personal access token")
            .keywords("github_pat_")
            .pattern("\\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\\b")
            .window(0, 100)
            .publicPrefix(11)
            .examples(
                "GH_TOKEN=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")
            .counterExamples(
                "GH_TOKEN=github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
            .rotation(ROTATE)
            .dashboard("https://github.com/settings/personal-access-tokens")
            .build());
  }

  private static Rule.Builder classic(
      String id, String prefix, String what, String example, String counterExample) {
    return Rule.builder(id)
        .provider(GITHUB)
        .kind(id.substring("github.".length()))
        .severity(Severity.CRITICAL)
        .description(what.startsWith("GitHub") ? what : "GitHub " + what)
        .keywords(prefix)
        .pattern("\\b(" + prefix + "[A-Za-z0-9]{36})\\b")
        .window(0, 50)
        .publicPrefix(4)
        .check(new Base62Crc32Check(4))
        .examples(example)
        .counterExamples(counterExample)
        .rotation(ROTATE);
  }
}
