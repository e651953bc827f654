package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * GitHub tokens. Classic tokens end in a CRC32 checksum of their random part, checked here so a
 * string that merely looks like a token is not reported.
 */
final class GitHubRules {
  private static final String ROTATE =
      "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation";

  private GitHubRules() {}

  static List<Rule> rules() {
    return List.of(
        classic(
            "github.personal-access-token",
            "ghp_",
            "personal access token (classic)",
            "GITHUB_TOKEN=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",
            "GITHUB_TOKEN=ghp_bF3G6mvvrmlETKaCKF9AkJnexSJ8VHabcdeZ"),
        classic(
            "github.oauth-token",
            "gho_",
            "OAuth access token",
            "token: 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",
            "token: gho_GJrqH41Uh4d480mRhE5U5cjRtn8uki4EtX1Q"),
        classic(
            "github.app-user-token",
            "ghu_",
            "GitHub App user-to-server token",
            "ghu_DiseUWZi35tnY29VTEnfpA5FjxDVQW3ykloH",
            "ghu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        classic(
            "github.app-installation-token",
            "ghs_",
            "GitHub App installation token",
            "Authorization: token ghs_Wg7M2lhBVgkx42PaURivrPGWzYRMhp1CRoW1",
            "Authorization: token ghs_Wg7M2lhBVgkx42PaURivrPGWzYRMhp1CRoW2"),
        classic(
            "github.refresh-token",
            "ghr_",
            "GitHub App refresh token",
            "refresh_token=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",
            "refresh_token=ghr_<refresh-token>"),
        Rule.builder("github.fine-grained-token")
            .provider("GitHub")
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
            .build());
  }

  private static Rule classic(
      String id, String prefix, String what, String example, String counterExample) {
    return Rule.builder(id)
        .provider("GitHub")
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
        .rotation(ROTATE)
        .build();
  }
}
