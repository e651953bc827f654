package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.TELEGRAM;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Telegram: Telegram bot token. */
final class TelegramRules {

  private TelegramRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "telegram.bot-token", TELEGRAM, "bot-token", Severity.HIGH, "Telegram bot token")
            .keywords(":aa")
            .pattern(START + "([0-9]{8,10}:AA[A-Za-z0-9_-]{33})" + END)
            .window(11, 40)
            .examples("TELEGRAM_BOT_TOKEN=2072293028:AA7-sCnY0oA3wJTQABx__t6cMqp_RNzqLb9")
            .counterExamples("TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://core.telegram.org/bots/features#botfather")
            .build());
  }
}
