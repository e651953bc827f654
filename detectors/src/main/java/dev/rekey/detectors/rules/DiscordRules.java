package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.DISCORD;
import static dev.rekey.detectors.rules.Shapes.END;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Discord: Discord bot token; Discord webhook URL. */
final class DiscordRules {

  private DiscordRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "discord.bot-token", DISCORD, "bot-token", Severity.CRITICAL, "Discord bot token")
            .keywords("discord")
            .pattern(
                "(?i:discord)[A-Za-z0-9_.-]{0,24}?(?i:token|secret|key)"
                    + Shapes.ASSIGN
                    + "(?<secret>[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38})"
                    + END)
            .prefixed(160)
            .examples(
                "DISCORD_BOT_TOKEN=MTe9U2O_CQALrznKxgY2F8iVcc.AIu8Ml.T1jCA1yX9mr4SK3lf6lxfYl3FdPVdFE-jaWgFv")
            .counterExamples("DISCORD_BOT_TOKEN=your.bot.token")
            .rotation("https://discord.com/developers/applications")
            .build(),
        Shapes.rule(
                "discord.webhook-url", DISCORD, "webhook-url", Severity.HIGH, "Discord webhook URL")
            .keywords("/api/webhooks/")
            .pattern(
                "(https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68})"
                    + END)
            .window(40, 100)
            .examples(
                "DISCORD_WEBHOOK=https://discord.com/api/webhooks/7960781203613958151/KMuAtdk3rR--Jyfi9SwNng2OOrG78chiM5KhvK_mGA5iyTm_GYdemscPJ81HX5JC9FJb")
            .counterExamples("https://discord.com/api/webhooks/{id}/{token}")
            .rotation("https://support.discord.com/hc/en-us/articles/228383668-Intro-to-Webhooks")
            .build());
  }
}
