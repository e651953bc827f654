package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;

import dev.rekey.detectors.Companion;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;
import java.util.regex.Pattern;

/** Chat and telephony: Discord, Telegram and Twilio. */
final class MessagingRules {
  private static final String TWILIO = "https://www.twilio.com/docs/iam/api-keys";

  private MessagingRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "discord.bot-token", "Discord", "bot-token", Severity.CRITICAL, "Discord bot token")
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
                "discord.webhook-url",
                "Discord",
                "webhook-url",
                Severity.HIGH,
                "Discord webhook URL")
            .keywords("/api/webhooks/")
            .pattern(
                "(https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68})"
                    + END)
            .window(40, 100)
            .examples(
                "DISCORD_WEBHOOK=https://discord.com/api/webhooks/7960781203613958151/KMuAtdk3rR--Jyfi9SwNng2OOrG78chiM5KhvK_mGA5iyTm_GYdemscPJ81HX5JC9FJb")
            .counterExamples("https://discord.com/api/webhooks/{id}/{token}")
            .rotation("https://support.discord.com/hc/en-us/articles/228383668-Intro-to-Webhooks")
            .build(),
        Shapes.rule(
                "telegram.bot-token", "Telegram", "bot-token", Severity.HIGH, "Telegram bot token")
            .keywords(":aa")
            .pattern(START + "([0-9]{8,10}:AA[A-Za-z0-9_-]{33})" + END)
            .window(11, 40)
            .examples("TELEGRAM_BOT_TOKEN=2072293028:AA7-sCnY0oA3wJTQABx__t6cMqp_RNzqLb9")
            .counterExamples("TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://core.telegram.org/bots/features#botfather")
            .build(),
        Shapes.named(
                "twilio.auth-token",
                "Twilio",
                "auth-token",
                Severity.CRITICAL,
                "Twilio account auth token",
                "twilio",
                "[a-f0-9]{32}")
            .companion(
                new Companion(
                    "twilio.account_sid", Pattern.compile("\\b(AC[a-f0-9]{32})\\b"), 600, null))
            .examples(
                "TWILIO_ACCOUNT_SID=AC64dd8b9fabee2633b8dc5d0f06d1c267\nTWILIO_AUTH_TOKEN=2fa2a8beb6c931dff2c3270cbab5c24b")
            .counterExamples("TWILIO_AUTH_TOKEN=your_auth_token")
            .rotation("https://www.twilio.com/docs/iam/api/authtoken")
            .build(),
        Shapes.rule(
                "twilio.api-key",
                "Twilio",
                "api-key",
                Severity.HIGH,
                "Twilio API key secret (with its SK key SID)")
            .keywords("twilio")
            .pattern(
                "(?i:twilio)[A-Za-z0-9_.-]{0,24}?(?i:secret)"
                    + Shapes.ASSIGN
                    + "(?<secret>[A-Za-z0-9]{32})"
                    + END)
            .prefixed(140)
            .minEntropy(3.5)
            .companion(
                new Companion(
                    "twilio.api_key_sid", Pattern.compile("\\b(SK[a-f0-9]{32})\\b"), 600, null))
            .examples(
                "TWILIO_API_KEY=SKdf05151fc9240568160bb56d76ae282d\nTWILIO_API_SECRET=wpZMIJyg49QsQpDbgTcHiHuMQzQvO8qp")
            .counterExamples("TWILIO_API_SECRET=${TWILIO_API_SECRET}")
            .rotation(TWILIO)
            .build());
  }
}
