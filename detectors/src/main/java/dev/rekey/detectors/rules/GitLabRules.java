package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.GITLAB;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** GitLab tokens, each kind with its documented prefix (routable tokens carry a suffix). */
public final class GitLabRules {
  /** The id of the rule for personal access tokens. */
  public static final String PERSONAL_ACCESS_TOKEN = "gitlab.personal-access-token";

  private static final String BODY = "[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{9})?";
  private static final String ROTATE = "https://docs.gitlab.com/security/tokens/";

  private GitLabRules() {}

  static List<Rule> rules() {
    return List.of(
        token(
                PERSONAL_ACCESS_TOKEN,
                "personal-access-token",
                "personal, project or group access token",
                "glpat-",
                Severity.CRITICAL,
                "CI_TOKEN=glpat-mOd7BOFkOEBlne08dCIm")
            .dashboard("https://gitlab.com/-/user_settings/personal_access_tokens")
            .build(),
        token(
                "gitlab.deploy-token",
                "deploy-token",
                "deploy token",
                "gldt-",
                Severity.HIGH,
                "GITLAB_DEPLOY_TOKEN=gldt-637wXIIcBUQCFY44ADHU")
            .build(),
        token(
                "gitlab.runner-token",
                "runner-token",
                "runner authentication token",
                "glrt-",
                Severity.HIGH,
                "token = \"glrt-1nfTnsqtQMCo6ftGp33E\"")
            .build(),
        token(
                "gitlab.pipeline-trigger-token",
                "trigger-token",
                "pipeline trigger token",
                "glptt-",
                Severity.HIGH,
                "TRIGGER_TOKEN=glptt-acc6cf0d90b4c951c9c6f92511c49cac58dc3cf8")
            .build(),
        token(
                "gitlab.oauth-app-secret",
                "oauth-app-secret",
                "OAuth application secret",
                "gloas-",
                Severity.HIGH,
                "GITLAB_APP_SECRET=gloas-1b80632c3419c6ba323a191c9cc7124512e3d191cb93538458e4f3086de5cf49")
            .build(),
        token(
                "gitlab.feed-token",
                "feed-token",
                "feed token",
                "glft-",
                Severity.LOW,
                "feed: glft-hT5cMG80hHVCqwVI_jFd")
            .build(),
        token(
                "gitlab.scim-token",
                "scim-token",
                "SCIM token",
                "glsoat-",
                Severity.HIGH,
                "SCIM_TOKEN=glsoat-iIFjQ1HXh4InNwNa6SdH")
            .build(),
        token(
                "gitlab.agent-token",
                "agent-token",
                "agent for Kubernetes token",
                "glagent-",
                Severity.HIGH,
                "token: glagent-WLcMZFqOL9dMl2UugoAzfHNPO0jzfqJKbVfnuXq_Q8dN3qLY21")
            .build());
  }

  private static Rule.Builder token(
      String id, String kind, String what, String prefix, Severity severity, String example) {
    return prefixed(Shapes.rule(id, GITLAB, kind, severity, "GitLab " + what), prefix, BODY, 320)
        .minEntropy(3.5)
        .examples(example)
        .counterExamples(
            example.substring(0, example.indexOf(prefix) + prefix.length())
                + "xxxxxxxxxxxxxxxxxxxx")
        .rotation(ROTATE);
  }
}
