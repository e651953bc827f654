package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.NPM;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.NpmRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * npm access tokens, with the leaked token itself: the account's tokens are listed ({@code GET
 * /-/npm/v1/tokens}, following {@code urls.next} only within the registry), the leaked one is found
 * by its truncated {@code token} hint, and deleted by its {@code key}.
 */
public final class NpmRevoker implements Revoker {
  private final ProviderAccess access;

  public NpmRevoker(ProviderAccess access) {
    this.access = access;
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals(NpmRules.ACCESS_TOKEN) && credential.secret() != null;
  }

  @Override
  public String describe(Credential credential) {
    return "find the old token among the account's tokens by its hint and delete it through the"
        + " npm registry";
  }

  @Override
  public String revoke(StepContext context) throws RotationException {
    SecretValue token = Objects.requireNonNull(context.credential().secret());
    String id = context.note("npm_token_key");
    if (id == null) {
      id = KeyHint.identify("npm tokens", token, list(token));
      context.note("npm_token_key", id);
    }
    ApiRequest call =
        ApiRequest.delete(access.url(NPM, "/-/npm/v1/tokens/token/" + id)).bearer(token);
    ApiResponse response =
        access.send("npm: delete token " + id.substring(0, Math.min(12, id.length())), call);
    if (!response.ok() && response.status() != 404 && response.status() != 401) {
      throw ProviderClient.refused("npm: delete token", call, response);
    }
    return "npm deleted the token (" + response.status() + ")";
  }

  private List<KeyHint.Listed> list(SecretValue token) throws RotationException {
    List<KeyHint.Listed> listed = new ArrayList<>();
    String base = access.urls().base(NPM);
    URI next = access.url(NPM, "/-/npm/v1/tokens");
    while (next != null) {
      JsonNode page = access.expect("npm: list tokens", ApiRequest.get(next).bearer(token)).json();
      page.path("objects")
          .forEach(
              t ->
                  listed.add(
                      new KeyHint.Listed(t.path("key").asText(), t.path("token").asText(null))));
      String link = page.path("urls").path("next").asText(null);
      if (link != null && !link.startsWith(base + "/")) {
        throw RotationException.user(
            "npm: the token list links outside "
                + base
                + " ("
                + URI.create(link).getHost()
                + "): refusing to send the token there");
      }
      next = link == null ? null : URI.create(link);
    }
    return listed;
  }
}
