package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.GITHUB;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import java.util.List;
import java.util.Objects;

/**
 * GitHub's credential-revocation API ({@code POST /credentials/revoke}): anyone who finds a token
 * may revoke it, unauthenticated, by sending the token itself — so it is identified exactly. GitHub
 * tells the owner and logs it; a revoked token cannot come back.
 */
public final class GitHubRevoker implements Revoker {
  private static final List<String> PREFIXES =
      List.of("ghp_", "github_pat_", "gho_", "ghu_", "ghr_");

  private final ProviderAccess access;

  public GitHubRevoker(ProviderAccess access) {
    this.access = access;
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.issuedBy(GITHUB)
        && credential.secret() != null
        && PREFIXES.stream().anyMatch(p -> credential.secret().reveal().startsWith(p));
  }

  @Override
  public String describe(Credential credential) {
    return "revoke the old token with GitHub's credential-revocation API (GitHub notifies its owner)";
  }

  @Override
  public String revoke(StepContext context) throws RotationException {
    String token = Objects.requireNonNull(context.credential().secret()).reveal();
    String body =
        Json.MAPPER
            .createObjectNode()
            .set("credentials", Json.MAPPER.createArrayNode().add(token))
            .toString();
    ApiRequest call =
        ApiRequest.json("POST", access.url(GITHUB, "/credentials/revoke"), body)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28");
    ApiResponse response = access.send("GitHub: revoke the leaked token", call);
    if (response.status() != 202 && !response.ok()) {
      throw ProviderClient.refused("GitHub: revoke the leaked token", call, response);
    }
    return "GitHub accepted the revocation (" + response.status() + ")";
  }
}
