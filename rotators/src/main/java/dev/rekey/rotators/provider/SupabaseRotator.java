package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.SUPABASE;
import static dev.rekey.detectors.rules.ProviderCatalog.SUPABASE_MANAGEMENT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.SupabaseRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Supabase secret keys ({@code sb_secret_…}) through the Management API with a personal access
 * token ({@code SUPABASE_ACCESS_TOKEN}): the key is found by its full value among the projects' API
 * keys ({@code ?reveal=true}), a new secret key is created in the same project, and the old one
 * deleted. The request and answer shapes of the api-keys endpoints are not in Supabase's published
 * reference; rekey follows its CLI's and Terraform provider's use of them.
 */
public final class SupabaseRotator extends ApiKeyRotator {
  static final String TOKEN = "SUPABASE_ACCESS_TOKEN";

  public SupabaseRotator(ProviderAccess access) {
    super(access, new Kind("supabase-secret-key", SUPABASE, List.of(SupabaseRules.SECRET_KEY)));
  }

  @Override
  protected boolean ready(Credential credential) {
    return credential.secret() != null && access.admin(TOKEN).isPresent();
  }

  @Override
  protected String createStep(Credential credential) {
    return "find the project holding the key (with SUPABASE_ACCESS_TOKEN), create a new secret key"
        + " there";
  }

  private ApiRequest signed(ApiRequest request) throws RotationException {
    return request.bearer(
        access.admin(TOKEN).orElseThrow(() -> RotationException.user("set " + TOKEN)));
  }

  @Override
  protected Credential newKey(StepContext context, SecretPayload pending) throws RotationException {
    Credential old = context.credential();
    return old.withSecret(pending.get(entry(old)), project(context));
  }

  @Override
  protected Credential oldKey(StepContext context) {
    Credential old = context.credential();
    SecretValue secret = old.secret();
    return secret == null ? old : old.withSecret(secret, project(context));
  }

  private static Map<String, String> project(StepContext context) {
    String ref = context.note(SCOPE);
    return ref == null ? Map.of() : Map.of(SupabaseRules.PROJECT_REF_FACT, ref);
  }

  @Override
  protected Located locate(StepContext context) throws RotationException {
    SecretValue leaked = Objects.requireNonNull(context.credential().secret());
    List<KeyHint.Listed> found = new ArrayList<>();
    for (JsonNode project : projects()) {
      String ref = project.path("ref").asText(project.path("id").asText());
      for (JsonNode key : keys(ref)) {
        found.add(
            new KeyHint.Listed(
                ref + "/" + key.path("id").asText(), key.path("api_key").asText(null)));
      }
    }
    String match = KeyHint.identify("Supabase API keys", leaked, found);
    String[] parts = match.split("/", 2);
    return new Located(parts[0], parts[1]);
  }

  private JsonNode projects() throws RotationException {
    return access
        .expect(
            "Supabase: list projects",
            signed(ApiRequest.get(access.url(SUPABASE_MANAGEMENT, "/v1/projects"))))
        .json();
  }

  private JsonNode keys(String ref) throws RotationException {
    return access
        .expect(
            "Supabase: list API keys of project " + ref,
            signed(
                ApiRequest.get(
                    access.url(
                        SUPABASE_MANAGEMENT, "/v1/projects/" + ref + "/api-keys?reveal=true"))))
        .json();
  }

  @Override
  protected Minted mint(StepContext context, String scope, String name) throws RotationException {
    String body = Json.object("type", "secret", "name", name.replace('-', '_'));
    JsonNode created =
        access
            .expect(
                "Supabase: create a secret key in project " + scope,
                signed(
                    ApiRequest.json(
                        "POST",
                        access.url(
                            SUPABASE_MANAGEMENT, "/v1/projects/" + scope + "/api-keys?reveal=true"),
                        body)))
            .json();
    String value = created.path("api_key").asText("");
    if (!value.startsWith("sb_secret_")) {
      throw RotationException.fatal(
          "Supabase answered the new key "
              + created.path("id").asText("?")
              + " without its value: delete it in project "
              + scope
              + " and resume");
    }
    return minted(context.credential(), created.path("id").asText(), SecretValue.of(value, 10));
  }

  @Override
  protected List<Named> list(StepContext context, String scope) throws RotationException {
    List<Named> named = new ArrayList<>();
    for (JsonNode key : keys(scope)) {
      named.add(new Named(key.path("id").asText(), key.path("name").asText("").replace('_', '-')));
    }
    return named;
  }

  @Override
  protected void delete(StepContext context, String scope, String id) throws RotationException {
    ApiRequest call =
        signed(
            ApiRequest.delete(
                access.url(SUPABASE_MANAGEMENT, "/v1/projects/" + scope + "/api-keys/" + id)));
    ApiResponse response = access.send("Supabase: delete API key " + id, call);
    if (!response.ok() && response.status() != 404) {
      throw ProviderClient.refused("Supabase: delete API key " + id, call, response);
    }
  }
}
