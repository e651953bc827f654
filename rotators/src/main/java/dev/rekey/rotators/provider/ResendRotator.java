package dev.rekey.rotators.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.scanner.model.Verified;
import java.util.ArrayList;
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
    super(access);
  }

  @Override
  public String name() {
    return "resend-api-key";
  }

  @Override
  protected String label() {
    return "Resend";
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals("resend.api-key") && credential.secret() != null;
  }

  @Override
  protected String createStep(Credential credential) {
    return "create a Resend key with the leaked key's permission (acting with "
        + (access.admin(ADMIN_KEY).isPresent() ? ADMIN_KEY : "the leaked key itself")
        + "); Resend does not show which listed key leaked, so you delete the old one at revoke";
  }

  private ApiRequest signed(Credential credential, ApiRequest request) {
    return request.bearer(
        access.admin(ADMIN_KEY).orElseGet(() -> Objects.requireNonNull(credential.secret())));
  }

  @Override
  protected Located locate(StepContext context) throws RotationException {
    Verified old = access.verification().verifyNow(context.credential());
    boolean sending = old.status() == Verified.Status.LIVE && old.reason().contains("sending-only");
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
                        access.url("resend", "/api-keys"),
                        Json.object("name", name, "permission", permission))))
            .json();
    return new Minted(
        created.path("id").asText(),
        SecretPayload.of(entry(credential), SecretValue.of(created.path("token").asText(), 3)));
  }

  @Override
  protected List<Named> list(StepContext context, String scope) throws RotationException {
    JsonNode page =
        access
            .expect(
                "Resend: list API keys",
                signed(context.credential(), ApiRequest.get(access.url("resend", "/api-keys"))))
            .json();
    List<Named> named = new ArrayList<>();
    page.path("data")
        .forEach(k -> named.add(new Named(k.path("id").asText(), k.path("name").asText(""))));
    return named;
  }

  @Override
  protected void delete(StepContext context, String scope, String id) throws RotationException {
    ApiRequest call =
        signed(context.credential(), ApiRequest.delete(access.url("resend", "/api-keys/" + id)));
    ApiResponse response = access.send("Resend: delete API key " + id, call);
    if (!response.ok() && response.status() != 404) {
      throw ProviderClient.refused("Resend: delete API key " + id, call, response);
    }
  }
}
