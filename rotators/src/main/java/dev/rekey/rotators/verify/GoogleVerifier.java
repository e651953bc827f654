package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.GOOGLE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.rules.GoogleRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.scanner.model.Verified;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Google API keys. Google documents no "who am I" call for keys, so rekey lists the Generative
 * Language models ({@code GET /v1beta/models?key=…}, free and read-only): an invalid key is refused
 * with reason {@code API_KEY_INVALID} (or {@code keyInvalid} on older APIs); any other refusal
 * means the key exists but is restricted or that API is not enabled for it.
 */
public final class GoogleVerifier extends ProviderVerifier {

  public GoogleVerifier() {
    super(GOOGLE, GoogleRules.GEMINI_API_KEY);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    String key =
        URLEncoder.encode(
            Objects.requireNonNull(credential.secret()).reveal(), StandardCharsets.UTF_8);
    ApiRequest call =
        ApiRequest.get(context.urls().resolve(GOOGLE, "/v1beta/models?pageSize=1&key=" + key));
    ApiResponse response = context.send("Google API key verification", call);
    if (response.ok()) {
      return Verified.live("Google answered " + response.status() + " to " + call.describe());
    }
    String said = "Google answered " + response.summary();
    if (invalidKey(response.json())) {
      return Verified.revoked(said);
    }
    if (response.status() == 400 || response.status() == 403) {
      return Verified.live(said + " (the key exists but is restricted or the API is not enabled)");
    }
    return Verified.unknown(said);
  }

  private static boolean invalidKey(JsonNode body) {
    for (JsonNode detail : body.path("error").path("details")) {
      if (detail.path("reason").asText().equals("API_KEY_INVALID")) {
        return true;
      }
    }
    for (JsonNode error : body.path("error").path("errors")) {
      if (error.path("reason").asText().equals("keyInvalid")) {
        return true;
      }
    }
    return false;
  }
}
