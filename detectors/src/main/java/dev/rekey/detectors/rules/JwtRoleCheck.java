package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a Supabase JWT's payload and accepts it only when its issuer is Supabase and its {@code
 * role} claim is the expected one, so the {@code service_role} key (which bypasses row-level
 * security) is told from the public {@code anon} key. Supabase's published demo keys (issuer {@code
 * supabase-demo}) are examples and dropped.
 */
final class JwtRoleCheck implements Check {
  private final String role;

  JwtRoleCheck(String role) {
    this.role = role;
  }

  @Override
  public Verdict judge(Candidate candidate) {
    String payload = payload(candidate.secret());
    if (payload == null) {
      return Verdict.reject("payload is not base64 JSON");
    }
    String issuer = claim(payload, "iss");
    if (issuer == null || !issuer.startsWith("supabase") || issuer.equals("supabase-demo")) {
      return Verdict.reject("not issued by a Supabase project");
    }
    if (!role.equals(claim(payload, "role"))) {
      return Verdict.reject("another role");
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("jwt.role", role);
    String ref = claim(payload, "ref");
    if (ref != null) {
      facts.put(SupabaseRules.PROJECT_REF_FACT, ref);
    }
    return Verdict.accept(candidate.rule().severity(), facts);
  }

  /** The decoded payload (second part) of a JWT, or null when it is not base64 JSON. */
  static @Nullable String payload(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return json.startsWith("{") ? json : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A string claim of a flat JSON object, or null. Enough for the claims read here. */
  static @Nullable String claim(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]{0,200})\"")
            .matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
