package dev.rekey.rotators.verify;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.scanner.model.Verified;
import java.util.Objects;

/**
 * Resend: {@code GET /domains} (read-only). A sending-only key is refused that call with the error
 * name {@code restricted_api_key}, which still proves it is live; an unknown key is refused as
 * invalid.
 */
public final class ResendVerifier implements Verifier {

  @Override
  public String provider() {
    return "resend";
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals("resend.api-key");
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    ApiRequest call =
        ApiRequest.get(context.urls().resolve("resend", "/domains"))
            .bearer(Objects.requireNonNull(credential.secret()));
    ApiResponse response = context.send("Resend verification", call);
    String name = response.json().path("name").asText("");
    if (name.equals("restricted_api_key")) {
      return Verified.live("Resend: a sending-only key (" + response.summary() + ")");
    }
    if (name.equals("invalid_api_key") || response.status() == 403) {
      return Verified.revoked("Resend answered " + response.summary());
    }
    return HttpVerifier.judge("Resend", call, response);
  }
}
