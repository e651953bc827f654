package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.SLACK;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Slack: bot, user, app-level, configuration and legacy tokens, and incoming webhooks. */
public final class SlackRules {
  /** The id of the rule for bot tokens. */
  public static final String BOT_TOKEN = "slack.bot-token";

  /** The id of the rule for user tokens. */
  public static final String USER_TOKEN = "slack.user-token";

  /** The id of the rule for legacy tokens. */
  public static final String LEGACY_TOKEN = "slack.legacy-token";

  private static final String ROTATE = "https://api.slack.com/authentication/rotation";

  private SlackRules() {}

  static List<Rule> rules() {
    return List.of(
        token(
            BOT_TOKEN,
            "bot-token",
            "bot token",
            "xoxb-",
            "xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}",
            "SLACK_BOT_TOKEN=xoxb-114803673984-2897678696324-JISoq1zWOAC3xckk2gtDEhJG"),
        token(
            USER_TOKEN,
            "user-token",
            "user token",
            "xoxp-",
            "xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}",
            "SLACK_USER_TOKEN=xoxp-296337563790-710994032316-8921729319647-22985d52c03d99d52a804b121471b3f9"),
        token(
            "slack.app-token",
            "app-token",
            "app-level token",
            "xapp-",
            "xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64}",
            "SLACK_APP_TOKEN=xapp-1-ABTEMKGYOVA-0751895148674-093ca2eab932bca9060f7c417f3b87cbb5658162365128d255d33b73ec07c193"),
        token(
            "slack.config-token",
            "config-token",
            "app configuration token",
            "xoxe.xox",
            "xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{150,200}",
            "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-hY6HxrlebHZaViM38mf85sEZwyCcnmgdN5SDGd2oPWgFUXlm21Gk2EseB4Ivp3wRNQRN1yJdJYP2hQq3aCucIGFVTSLi428OLENnLrn0JxujolSyrHmC8KrTDlJ0R1hnbu2aSDJvqSQCPVjBh73S7HI6qlve7pwk5KL"),
        token(
            LEGACY_TOKEN,
            "legacy-token",
            "legacy or workspace token",
            "xox",
            "xox[aors]-[0-9]{1,13}-[0-9A-Za-z-]{20,120}",
            "token: xoxs-67575654662-952427160605-729438932408-e6cac4f4e60481d16d9079f24799737dd215900ad22a285038d572ee8e1cbe48"),
        Shapes.rule(
                "slack.webhook-url",
                SLACK,
                "webhook-url",
                Severity.HIGH,
                "Slack incoming webhook URL")
            .keywords("hooks.slack.com/")
            .pattern(
                "(https://hooks\\.slack\\.com/(?:services|workflows|triggers)/T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}/[A-Za-z0-9]{20,40})"
                    + END)
            .window(8, 120)
            .publicPrefix(33)
            .examples(
                "SLACK_WEBHOOK=https://hooks.slack.com/services/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")
            .counterExamples(
                "SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")
            .rotation("https://api.slack.com/messaging/webhooks")
            .build());
  }

  private static Rule token(
      String id, String kind, String what, String keyword, String regex, String example) {
    return Shapes.rule(id, SLACK, kind, Severity.CRITICAL, "Slack " + what)
        .keywords(keyword)
        .pattern(START + "(" + regex + ")" + END)
        .prefixed(260)
        .publicPrefix(5)
        .minEntropy(3.0)
        .examples(example)
        .counterExamples(example.substring(0, example.indexOf(keyword)) + keyword + "...")
        .rotation(ROTATE)
        .build();
  }
}
