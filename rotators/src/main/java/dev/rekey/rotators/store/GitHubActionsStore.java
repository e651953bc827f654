package dev.rekey.rotators.store;

import static dev.rekey.detectors.rules.ProviderCatalog.GITHUB;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A repository's GitHub Actions secrets, one per payload entry ({@code OPENAI_API_KEY}, …): each
 * value sealed (libsodium's sealed box) to the repository's public key and written with {@code PUT
 * /repos/OWNER/REPO/actions/secrets/NAME}. Workflows read the new value from their next run.
 */
public final class GitHubActionsStore extends PublishingStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String repository;
  private final ApiAccount account;

  /**
   * @param repository {@code OWNER/REPO}
   * @param account a token allowed to write the repository's secrets, and how to reach GitHub
   */
  public GitHubActionsStore(Store versions, String repository, ApiAccount account) {
    super(versions);
    this.repository = repository;
    this.account = account;
  }

  @Override
  protected String target() {
    return "github-actions:" + repository;
  }

  @Override
  protected void publish(SecretPayload payload) throws RotationException {
    JsonNode key =
        account
            .client()
            .expect(
                "GitHub: the public key of " + repository,
                github(
                    ApiRequest.get(
                        account
                            .urls()
                            .resolve(
                                GITHUB, "/repos/" + repository + "/actions/secrets/public-key"))))
            .json();
    byte[] publicKey = Base64.getDecoder().decode(key.path("key").asText());
    for (Map.Entry<String, SecretValue> entry : payload.entries().entrySet()) {
      byte[] sealed =
          SealedBox.seal(entry.getValue().reveal().getBytes(StandardCharsets.UTF_8), publicKey);
      String body =
          JSON.createObjectNode()
              .put("encrypted_value", Base64.getEncoder().encodeToString(sealed))
              .put("key_id", key.path("key_id").asText())
              .toString();
      account
          .client()
          .expect(
              "GitHub: write Actions secret " + entry.getKey() + " of " + repository,
              github(
                  ApiRequest.json(
                      "PUT",
                      account
                          .urls()
                          .resolve(
                              GITHUB,
                              "/repos/" + repository + "/actions/secrets/" + entry.getKey()),
                      body)));
    }
  }

  private ApiRequest github(ApiRequest request) {
    return request
        .bearer(account.token())
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28");
  }
}
