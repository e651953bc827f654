package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.SENDGRID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.SendGridRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import java.util.List;
import java.util.Objects;

/**
 * SendGrid API keys ({@code SG.<key id>.<secret>}): the key id is the middle of the key itself, so
 * the leaked key is identified exactly; a new key with the same scopes is created, and the old one
 * deleted. Acts with {@code SENDGRID_ADMIN_KEY} when set, else with the leaked key (which then
 * needs the {@code api_keys} scopes).
 */
public final class SendGridRotator extends ApiKeyRotator {
  static final String ADMIN_KEY = "SENDGRID_ADMIN_KEY";

  public SendGridRotator(ProviderAccess access) {
    super(access, new Kind("sendgrid-api-key", SENDGRID, List.of(SendGridRules.API_KEY)));
  }

  @Override
  protected String createStep(Credential credential) {
    return "create a SendGrid key with the same scopes as the leaked one (acting with "
        + actingWith(ADMIN_KEY)
        + ")";
  }

  private SecretValue actor(Credential credential) {
    return actor(ADMIN_KEY, credential);
  }

  /** {@code SG.<id>.<secret>}: the id, or null for another shape. */
  static String keyId(SecretValue key) {
    String[] parts = key.reveal().split("\\.");
    return parts.length == 3 && parts[0].equals("SG") ? parts[1] : "";
  }

  @Override
  protected Located locate(StepContext context) throws RotationException {
    Credential credential = context.credential();
    String id = keyId(Objects.requireNonNull(credential.secret()));
    if (id.isEmpty()) {
      throw RotationException.user("the leaked SendGrid key is not shaped SG.<id>.<secret>");
    }
    ApiRequest call =
        ApiRequest.get(access.url(SENDGRID, "/v3/api_keys/" + id)).bearer(actor(credential));
    ApiResponse response = access.send("SendGrid: fetch API key " + id, call);
    if (response.status() == 404) {
      throw RotationException.user(
          "SendGrid has no API key " + id + ": it was already deleted; nothing to rotate");
    }
    if (!response.ok()) {
      throw ProviderClient.refused("SendGrid: fetch API key " + id, call, response);
    }
    return new Located("account", id);
  }

  @Override
  protected Minted mint(StepContext context, String scope, String name) throws RotationException {
    Credential credential = context.credential();
    String oldId = Objects.requireNonNull(context.note(OLD_KEY_ID));
    JsonNode old =
        access
            .expect(
                "SendGrid: fetch API key " + oldId,
                ApiRequest.get(access.url(SENDGRID, "/v3/api_keys/" + oldId))
                    .bearer(actor(credential)))
            .json();
    ObjectNode body = Json.node().put("name", name);
    body.set("scopes", old.path("scopes"));
    JsonNode created =
        access
            .expect(
                "SendGrid: create API key",
                ApiRequest.json("POST", access.url(SENDGRID, "/v3/api_keys"), body.toString())
                    .bearer(actor(credential)))
            .json();
    return minted(
        credential,
        created.path("api_key_id").asText(),
        SecretValue.of(created.path("api_key").asText(), 3));
  }

  @Override
  protected List<Named> list(StepContext context, String scope) throws RotationException {
    JsonNode page =
        access
            .expect(
                "SendGrid: list API keys",
                ApiRequest.get(access.url(SENDGRID, "/v3/api_keys?limit=500"))
                    .bearer(actor(context.credential())))
            .json();
    return named(page.path("result"), "api_key_id", "name");
  }

  @Override
  protected void delete(StepContext context, String scope, String id) throws RotationException {
    ApiRequest call =
        ApiRequest.delete(access.url(SENDGRID, "/v3/api_keys/" + id))
            .bearer(actor(context.credential()));
    ApiResponse response = access.send("SendGrid: delete API key " + id, call);
    if (!response.ok() && response.status() != 404) {
      throw ProviderClient.refused("SendGrid: delete API key " + id, call, response);
    }
  }
}
