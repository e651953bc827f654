package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.OPENAI;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's Admin API, with an admin key ({@code OPENAI_ADMIN_KEY}): projects and their API keys
 * (paginated by {@code after}/{@code has_more}), each with its {@code redacted_value} hint and
 * owner, and deleting a project key.
 */
final class OpenAiAdmin {
  static final String ADMIN_KEY = "OPENAI_ADMIN_KEY";
  private static final int PAGE = 100;

  private final ProviderAccess access;
  private final SecretValue admin;

  OpenAiAdmin(ProviderAccess access, SecretValue admin) {
    this.access = access;
    this.admin = admin;
  }

  /**
   * One project API key as listed.
   *
   * @param serviceAccount the owning service account's id, or null for a user's key
   * @param lastUsed when OpenAI last saw the key used ({@code last_used_at}), or null
   */
  record ProjectKey(
      String project,
      String id,
      String name,
      String hint,
      @Nullable String serviceAccount,
      @Nullable Instant lastUsed) {}

  /** Every API key of every project. */
  List<ProjectKey> allKeys() throws RotationException {
    List<ProjectKey> keys = new ArrayList<>();
    for (JsonNode project : pages("/v1/organization/projects")) {
      keys.addAll(keys(project.path("id").asText()));
    }
    return keys;
  }

  /** The API keys of one project. */
  List<ProjectKey> keys(String project) throws RotationException {
    List<ProjectKey> keys = new ArrayList<>();
    for (JsonNode key : pages("/v1/organization/projects/" + encode(project) + "/api_keys")) {
      JsonNode owner = key.path("owner");
      String account =
          owner.path("type").asText().equals("service_account")
              ? owner.path("service_account").path("id").asText(null)
              : null;
      keys.add(
          new ProjectKey(
              project,
              key.path("id").asText(),
              key.path("name").asText(""),
              key.path("redacted_value").asText(""),
              account,
              key.path("last_used_at").canConvertToLong()
                  ? Instant.ofEpochSecond(key.path("last_used_at").asLong())
                  : null));
    }
    return keys;
  }

  /** Deletes a project API key; one already gone counts as deleted. */
  void delete(String project, String keyId) throws RotationException {
    ApiRequest call =
        ApiRequest.delete(
                access.url(
                    OPENAI,
                    "/v1/organization/projects/" + encode(project) + "/api_keys/" + encode(keyId)))
            .bearer(admin);
    ApiResponse response = access.send("OpenAI: delete API key " + keyId, call);
    if (!response.ok() && response.status() != 404) {
      throw dev.rekey.rotators.http.ProviderClient.refused(
          "OpenAI: delete API key " + keyId, call, response);
    }
  }

  /** Adds a key to a service account; returns its id and value. */
  JsonNode addServiceAccountKey(String project, String account, String name)
      throws RotationException {
    String path =
        "/v1/organization/projects/"
            + encode(project)
            + "/service_accounts/"
            + encode(account)
            + "/api_keys";
    String body = Json.object("name", name);
    return access
        .expect(
            "OpenAI: add a key to service account " + account,
            ApiRequest.json("POST", access.url(OPENAI, path), body).bearer(admin))
        .json();
  }

  private List<JsonNode> pages(String path) throws RotationException {
    List<JsonNode> items = new ArrayList<>();
    String after = null;
    do {
      String query = "?limit=" + PAGE + (after == null ? "" : "&after=" + encode(after));
      JsonNode page =
          access
              .expect(
                  "OpenAI: list " + path,
                  ApiRequest.get(access.url(OPENAI, path + query)).bearer(admin))
              .json();
      page.path("data").forEach(items::add);
      after = page.path("has_more").asBoolean(false) ? page.path("last_id").asText(null) : null;
    } while (after != null);
    return items;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
