package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.RESEND;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.ResendRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.scanner.model.Verified;
import java.util.List;
import java.util.Objects;

/**
 * Resend API keys, with {@code RESEND_ADMIN_KEY} or the leaked key (a full-access one): a new key
 * with the same permission is created (a sending-only key stays sending-only) and stored. Resend
 * lists keys with ids and names only — nothing shows which one leaked — so rekey never deletes one
 * itself: the revoke step asks the user to delete it and then checks Resend refuses it.
 */
public final class ResendRotator extends ApiKeyRotator {
  static final String ADMIN_KEY = "RESEND_ADMIN_KEY";

  public ResendRotator(ProviderAccess access) {
    super(access, new Kind("resend-api-key", RESEND, List.of(ResendRules.API_KEY)));
  }

  @Override
  protected String createStep(Credential credential) {
    return "create a Resend key with the leaked key's permission (acting with "
        + actingWith(ADMIN_KEY)
        + "); Resend does not show which listed key leaked, so you delete the old one at revoke";
  }

  private ApiRequest signed(Credential credential, ApiRequest request) {
    return request.bearer(actor(ADMIN_KEY, credential));
  }

  @Override
  protected Located locate(StepContext context) throws RotationException {
    Verified old = access.verification().verifyNow(context.credential());
    boolean sending =
        old.status() == Verified.Status.LIVE && old.scope() == Verified.Scope.RESTRICTED;
    context.note("old_key_permission", sending ? "sending_access" : "full_access");
    return new Located("team", null);
  }

  @Override
  protected Minted mint(StepContext context, String scope, String name) throws RotationException {
    Credential credential = context.credential();
    String permission =
        Objects.requireNonNullElse(context.note("old_key_permission"), "full_access");
    JsonNode created =
        access
            .expect(
                "Resend: create API key",
                signed(
                    credential,
                    ApiRequest.json(
                        "POST",
                        access.url(RESEND, "/api-keys"),
                        Json.object("name", name, "permission", permission))))
            .json();
    return minted(
        credential, created.path("id").asText(), SecretValue.of(created.path("token").asText(), 3));
  }

  @Override
  protected List<Named> list(StepContext context, String scope) throws RotationException {
    JsonNode page =
        access
            .expect(
                "Resend: list API keys",
                signed(context.credential(), ApiRequest.get(access.url(RESEND, "/api-keys"))))
            .json();
    return named(page.path("data"), "id", "name");
  }

  @Override
  protected void delete(StepContext context, String scope, String id) throws RotationException {
    ApiRequest call =
        signed(context.credential(), ApiRequest.delete(access.url(RESEND, "/api-keys/" + id)));
    ApiResponse response = access.send("Resend: delete API key " + id, call);
    if (!response.ok() && response.status() != 404) {
      throw ProviderClient.refused("Resend: delete API key " + id, call, response);
    }
  }
}
