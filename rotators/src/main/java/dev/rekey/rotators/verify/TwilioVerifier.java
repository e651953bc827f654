package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.TWILIO;

import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.TwilioRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.scanner.model.Verified;
import java.util.Objects;

/**
 * Twilio, with HTTP Basic authentication: an auth token with its account SID fetches its own
 * account; an API key secret with its {@code SK…} SID lists accounts (a standard key may be refused
 * that with 403, which still proves the key authenticates). Error 20003 (401) means the pair is
 * wrong, deleted or suspended.
 */
public final class TwilioVerifier extends ProviderVerifier {
  static final String ACCOUNT_SID = TwilioRules.ACCOUNT_SID_FACT;
  static final String KEY_SID = TwilioRules.KEY_SID_FACT;

  public TwilioVerifier() {
    super(TWILIO, TwilioRules.API_KEY, TwilioRules.AUTH_TOKEN);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    SecretValue secret = Objects.requireNonNull(credential.secret());
    boolean apiKey = credential.ruleId().equals(TwilioRules.API_KEY);
    String user = credential.fact(apiKey ? KEY_SID : ACCOUNT_SID);
    if (user == null) {
      return Verified.unknown(
          "no "
              + (apiKey ? "API key SID (SK…)" : "account SID (AC…)")
              + " was found beside it, and Twilio needs both halves");
    }
    String path =
        apiKey ? "/2010-04-01/Accounts.json?PageSize=1" : "/2010-04-01/Accounts/" + user + ".json";
    ApiRequest call = ApiRequest.get(context.urls().resolve(TWILIO, path)).basic(user, secret);
    ApiResponse response = context.send("Twilio verification", call);
    return HttpVerifier.judge("Twilio", call, response);
  }
}
