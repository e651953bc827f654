package dev.rekey.rotators.verify;

import com.fasterxml.jackson.databind.JsonNode;
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
public final class GitLabVerifier implements Verifier {

  @Override
  public String provider() {
    return "gitlab";
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals("gitlab.personal-access-token");
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    ApiRequest call =
        ApiRequest.get(context.urls().resolve("gitlab", "/api/v4/personal_access_tokens/self"))
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
