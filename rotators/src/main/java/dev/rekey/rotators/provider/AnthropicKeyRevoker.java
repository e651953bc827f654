package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.ANTHROPIC;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.AnthropicRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Anthropic API keys, with an Admin API key ({@code ANTHROPIC_ADMIN_API_KEY}): the Admin API can
 * neither create nor delete keys, only deactivate or archive them; rekey finds the leaked key by
 * its {@code partial_key_hint} and sets it {@code inactive} (which an admin can undo in the
 * Console).
 */
public final class AnthropicKeyRevoker implements Revoker {
  static final String ADMIN_KEY = "ANTHROPIC_ADMIN_API_KEY";

  private final ProviderAccess access;

  public AnthropicKeyRevoker(ProviderAccess access) {
    this.access = access;
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals(AnthropicRules.API_KEY)
        && credential.secret() != null
        && access.admin(ADMIN_KEY).isPresent();
  }

  @Override
  public String describe(Credential credential) {
    return "find the old key by its hint with the Admin API (ANTHROPIC_ADMIN_API_KEY) and"
        + " deactivate it (Anthropic's API cannot delete keys)";
  }

  private ApiRequest signed(ApiRequest request) {
    return request
        .header("x-api-key", access.admin(ADMIN_KEY).orElseThrow().reveal())
        .header("anthropic-version", "2023-06-01");
  }

  @Override
  public String revoke(StepContext context) throws RotationException {
    SecretValue leaked = Objects.requireNonNull(context.credential().secret());
    String id = context.note("anthropic_key_id");
    if (id == null) {
      id = KeyHint.identify("Anthropic API keys", leaked, list());
      context.note("anthropic_key_id", id);
    }
    access.expect(
        "Anthropic: deactivate API key " + id,
        signed(
            ApiRequest.json(
                "POST",
                access.url(ANTHROPIC, "/v1/organizations/api_keys/" + id),
                Json.object("status", "inactive"))));
    return "Anthropic deactivated key " + id;
  }

  private List<KeyHint.Listed> list() throws RotationException {
    List<KeyHint.Listed> listed = new ArrayList<>();
    String after = null;
    do {
      String query = "?limit=100" + (after == null ? "" : "&after_id=" + after);
      JsonNode page =
          access
              .expect(
                  "Anthropic: list API keys",
                  signed(
                      ApiRequest.get(access.url(ANTHROPIC, "/v1/organizations/api_keys" + query))))
              .json();
      page.path("data")
          .forEach(
              k ->
                  listed.add(
                      new KeyHint.Listed(
                          k.path("id").asText(), k.path("partial_key_hint").asText(null))));
      after = page.path("has_more").asBoolean(false) ? page.path("last_id").asText(null) : null;
    } while (after != null);
    return listed;
  }
}
