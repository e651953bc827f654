package dev.rekey.rotators.verify;

import dev.rekey.detectors.SecretValue;
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
public final class TwilioVerifier implements Verifier {
  static final String ACCOUNT_SID = "twilio.account_sid";
  static final String KEY_SID = "twilio.api_key_sid";

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals("twilio.api-key")
        || credential.ruleId().equals("twilio.auth-token");
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    SecretValue secret = Objects.requireNonNull(credential.secret());
    boolean apiKey = credential.ruleId().equals("twilio.api-key");
    String user = credential.fact(apiKey ? KEY_SID : ACCOUNT_SID);
    if (user == null) {
      return Verified.unknown(
          "no "
              + (apiKey ? "API key SID (SK…)" : "account SID (AC…)")
              + " was found beside it, and Twilio needs both halves");
    }
    String path =
        apiKey ? "/2010-04-01/Accounts.json?PageSize=1" : "/2010-04-01/Accounts/" + user + ".json";
    ApiRequest call = ApiRequest.get(context.urls().resolve("twilio", path)).basic(user, secret);
    ApiResponse response = context.send("Twilio verification", call);
    return HttpVerifier.judge("Twilio", call, response);
  }
}
