package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.TWILIO;
import static dev.rekey.detectors.rules.Shapes.END;

import dev.rekey.detectors.Companion;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;
import java.util.regex.Pattern;

/** Twilio: Twilio account auth token; Twilio API key secret (with its SK key SID). */
public final class TwilioRules {
  /** The id of the rule for api keys. */
  public static final String API_KEY = "twilio.api-key";

  /** The id of the rule for auth tokens. */
  public static final String AUTH_TOKEN = "twilio.auth-token";

  /** The fact naming the account SID paired with an auth token. */
  public static final String ACCOUNT_SID_FACT = "twilio.account_sid";

  /** The fact naming the API key SID paired with an API key secret. */
  public static final String KEY_SID_FACT = "twilio.api_key_sid";

  private static final String TWILIO_ROTATE = "https://www.twilio.com/docs/iam/api-keys";

  private TwilioRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.named(
                Shapes.rule(
                    AUTH_TOKEN,
                    TWILIO,
                    "auth-token",
                    Severity.CRITICAL,
                    "Twilio account auth token"),
                "twilio",
                "[a-f0-9]{32}")
            .companion(
                new Companion(
                    ACCOUNT_SID_FACT, Pattern.compile("\\b(AC[a-f0-9]{32})\\b"), 600, null))
            .examples(
                "TWILIO_ACCOUNT_SID=AC64dd8b9fabee2633b8dc5d0f06d1c267\nTWILIO_AUTH_TOKEN=2fa2a8beb6c931dff2c3270cbab5c24b")
            .counterExamples("TWILIO_AUTH_TOKEN=your_auth_token")
            .rotation("https://www.twilio.com/docs/iam/api/authtoken")
            .build(),
        Shapes.rule(
                API_KEY,
                TWILIO,
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
                new Companion(KEY_SID_FACT, Pattern.compile("\\b(SK[a-f0-9]{32})\\b"), 600, null))
            .examples(
                "TWILIO_API_KEY=SKdf05151fc9240568160bb56d76ae282d\nTWILIO_API_SECRET=wpZMIJyg49QsQpDbgTcHiHuMQzQvO8qp")
            .counterExamples("TWILIO_API_SECRET=${TWILIO_API_SECRET}")
            .rotation(TWILIO_ROTATE)
            .build());
  }
}
