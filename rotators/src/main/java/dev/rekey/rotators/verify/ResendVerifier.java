package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.RESEND;

import dev.rekey.detectors.rules.ResendRules;
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
public final class ResendVerifier extends ProviderVerifier {

  public ResendVerifier() {
    super(RESEND, ResendRules.API_KEY);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    ApiRequest call =
        ApiRequest.get(context.urls().resolve(RESEND, "/domains"))
            .bearer(Objects.requireNonNull(credential.secret()));
    ApiResponse response = context.send("Resend verification", call);
    String name = response.json().path("name").asText("");
    if (name.equals("restricted_api_key")) {
      return Verified.live(
          "Resend: a sending-only key (" + response.summary() + ")", Verified.Scope.RESTRICTED);
    }
    if (name.equals("invalid_api_key") || response.status() == 403) {
      return Verified.revoked("Resend answered " + response.summary());
    }
    return HttpVerifier.judge("Resend", call, response);
  }
}
