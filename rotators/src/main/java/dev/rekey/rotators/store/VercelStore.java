package dev.rekey.rotators.store;

import static dev.rekey.detectors.rules.ProviderCatalog.VERCEL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.http.ApiRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Vercel project's environment variables, one per payload entry, written encrypted with {@code
 * POST /v10/projects/PROJECT/env?upsert=true} for the production and preview targets. Vercel
 * applies them only to new deployments: the plan says so, and the old key should be revoked only
 * after a redeploy (use {@code --grace}).
 */
public final class VercelStore extends PublishingStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> TARGETS = List.of("production", "preview");

  private final String project;
  private final @Nullable String team;
  private final ApiAccount account;

  /**
   * @param team the team id ({@code VERCEL_TEAM_ID}), or null for a personal account
   */
  public VercelStore(Store versions, String project, @Nullable String team, ApiAccount account) {
    super(versions);
    this.project = project;
    this.team = team;
    this.account = account;
  }

  @Override
  protected String target() {
    return "vercel:" + project;
  }

  @Override
  protected void publish(SecretPayload payload) throws RotationException {
    ArrayNode variables = JSON.createArrayNode();
    for (Map.Entry<String, SecretValue> entry : payload.entries().entrySet()) {
      ObjectNode variable = variables.addObject();
      variable
          .put("key", entry.getKey())
          .put("value", entry.getValue().reveal())
          .put("type", "encrypted");
      TARGETS.forEach(variable.putArray("target")::add);
    }
    String query =
        "?upsert=true"
            + (team == null ? "" : "&teamId=" + URLEncoder.encode(team, StandardCharsets.UTF_8));
    account
        .client()
        .expect(
            "Vercel: write environment variables of " + project,
            ApiRequest.json(
                    "POST",
                    account
                        .urls()
                        .resolve(
                            VERCEL,
                            "/v10/projects/"
                                + URLEncoder.encode(project, StandardCharsets.UTF_8)
                                + "/env"
                                + query),
                    variables.toString())
                .bearer(account.token()));
  }
}
