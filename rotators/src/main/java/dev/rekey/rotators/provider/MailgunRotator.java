package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.MAILGUN;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.MailgunRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Mailgun API keys through the Keys API ({@code /v1/keys}), with HTTP Basic user {@code api} and
 * {@code MAILGUN_ADMIN_KEY} or the leaked key: a new key with the old key's role is created and the
 * old one deleted when the list identifies it. Mailgun's published reference does not show whether
 * the list carries a hint of each key or which field of the create answer holds the new key; rekey
 * reads a masked {@code secret} hint and {@code key.secret}, and without a usable hint asks the
 * user to delete the old key rather than guess.
 */
public final class MailgunRotator extends ApiKeyRotator {
  static final String ADMIN_KEY = "MAILGUN_ADMIN_KEY";

  public MailgunRotator(ProviderAccess access) {
    super(
        access,
        new Kind(
            "mailgun-api-key", MAILGUN, List.of(MailgunRules.API_KEY, MailgunRules.PRIVATE_KEY)));
  }

  @Override
  protected String createStep(Credential credential) {
    return "create a Mailgun key with the leaked key's role (acting with "
        + actingWith(ADMIN_KEY)
        + ")";
  }

  private ApiRequest signed(Credential credential, ApiRequest request) {
    return request.basic("api", actor(ADMIN_KEY, credential));
  }

  private JsonNode items(Credential credential) throws RotationException {
    return access
        .expect(
            "Mailgun: list keys",
            signed(credential, ApiRequest.get(access.url(MAILGUN, "/v1/keys"))))
        .json()
        .path("items");
  }

  @Override
  protected Located locate(StepContext context) throws RotationException {
    Credential credential = context.credential();
    SecretValue leaked = Objects.requireNonNull(credential.secret());
    List<KeyHint.Listed> hinted = new ArrayList<>();
    for (JsonNode key : items(credential)) {
      String hint = key.path("secret").asText(null);
      if (hint != null) {
        hinted.add(new KeyHint.Listed(key.path("id").asText(), hint));
      }
    }
    if (hinted.isEmpty()) {
      return new Located("account", null);
    }
    String id = KeyHint.identify("Mailgun keys", leaked, hinted);
    for (JsonNode key : items(credential)) {
      if (key.path("id").asText().equals(id)) {
        context.note("old_key_role", key.path("role").asText("admin"));
      }
    }
    return new Located("account", id);
  }

  @Override
  protected Minted mint(StepContext context, String scope, String name) throws RotationException {
    Credential credential = context.credential();
    String role = Objects.requireNonNullElse(context.note("old_key_role"), "admin");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("role", role);
    fields.put("description", name);
    String boundary = "rekey" + UUID.randomUUID().toString().replace("-", "");
    ApiRequest call =
        new ApiRequest(
            "POST",
            access.url(MAILGUN, "/v1/keys"),
            Map.of("Content-Type", "multipart/form-data; boundary=" + boundary),
            multipart(boundary, fields));
    JsonNode key =
        access.expect("Mailgun: create key", signed(credential, call)).json().path("key");
    String value = key.path("secret").asText("");
    if (value.isEmpty()) {
      throw RotationException.fatal(
          "Mailgun answered the new key "
              + key.path("id").asText("?")
              + " without its value: delete it and resume");
    }
    return minted(credential, key.path("id").asText(), SecretValue.of(value));
  }

  static String multipart(String boundary, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return new String(body.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  @Override
  protected List<Named> list(StepContext context, String scope) throws RotationException {
    return named(items(context.credential()), "id", "description");
  }

  @Override
  protected void delete(StepContext context, String scope, String id) throws RotationException {
    ApiRequest call =
        signed(context.credential(), ApiRequest.delete(access.url(MAILGUN, "/v1/keys/" + id)));
    ApiResponse response = access.send("Mailgun: delete key " + id, call);
    if (!response.ok() && response.status() != 404) {
      throw ProviderClient.refused("Mailgun: delete key " + id, call, response);
    }
  }
}
