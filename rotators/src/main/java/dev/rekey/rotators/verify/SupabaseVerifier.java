package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.SUPABASE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.SupabaseRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.scanner.model.Verified;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Supabase secret keys against the project's own API ({@code GET https://REF.supabase.co/rest/v1/}
 * with the key as {@code apikey}; a legacy {@code service_role} JWT also as a bearer token). The
 * project reference comes from the JWT's {@code ref} claim, a {@code supabase.project_ref} fact, or
 * a supabase base URL configured without {@code {ref}}; without one the answer is unknown.
 */
public final class SupabaseVerifier extends ProviderVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REF = Pattern.compile("[a-z0-9]{6,40}");

  public SupabaseVerifier() {
    super(SUPABASE, SupabaseRules.SECRET_KEY, SupabaseRules.SERVICE_ROLE_KEY);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    SecretValue key = Objects.requireNonNull(credential.secret());
    URI base = projectUrl(credential, key, context.urls().base(SUPABASE));
    if (base == null) {
      return Verified.unknown(
          "the Supabase project is not known: set [providers.supabase] url ="
              + " \"https://REF.supabase.co\" (or --provider-url supabase=…)");
    }
    ApiRequest call = ApiRequest.get(URI.create(base + "/rest/v1/")).header("apikey", key.reveal());
    if (key.reveal().startsWith("eyJ")) {
      call = call.bearer(key);
    }
    ApiResponse response = context.send("Supabase verification", call);
    return HttpVerifier.judge("Supabase", call, response);
  }

  /** The project's base URL, or null when the project reference is not known. */
  static @Nullable URI projectUrl(Credential credential, SecretValue key, String template) {
    if (!template.contains("{ref}")) {
      return URI.create(template);
    }
    String ref = credential.fact(SupabaseRules.PROJECT_REF_FACT);
    if (ref == null) {
      ref = jwtRef(key.reveal());
    }
    return ref == null || !REF.matcher(ref).matches()
        ? null
        : URI.create(template.replace("{ref}", ref));
  }

  private static @Nullable String jwtRef(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode claims = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
      return claims.path("ref").isTextual() ? claims.path("ref").asText() : null;
    } catch (IllegalArgumentException | IOException e) {
      return null;
    }
  }
}
