package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.GITLAB;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.rules.GitLabRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.scanner.model.Verified;
import java.util.Objects;

/**
 * GitLab's {@code GET /api/v4/personal_access_tokens/self}: the token describes itself, including
 * whether it is revoked or inactive. Self-managed instances: set the gitlab base URL.
 */
public final class GitLabVerifier extends ProviderVerifier {

  public GitLabVerifier() {
    super(GITLAB, GitLabRules.PERSONAL_ACCESS_TOKEN);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    ApiRequest call =
        ApiRequest.get(context.urls().resolve(GITLAB, "/api/v4/personal_access_tokens/self"))
            .header("PRIVATE-TOKEN", Objects.requireNonNull(credential.secret()).reveal());
    ApiResponse response = context.send("GitLab verification", call);
    if (!response.ok()) {
      return HttpVerifier.judge("GitLab", call, response);
    }
    JsonNode token = response.json();
    String name = "GitLab token '" + token.path("name").asText("?") + "'";
    if (token.path("revoked").asBoolean(false)) {
      return Verified.revoked(name + " is revoked");
    }
    if (!token.path("active").asBoolean(true)) {
      return Verified.revoked(name + " is inactive (expired)");
    }
    return Verified.live(name + " is active, scopes " + token.path("scopes"));
  }
}
