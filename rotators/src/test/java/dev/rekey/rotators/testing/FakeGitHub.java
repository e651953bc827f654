package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.rotators.store.SealedBox;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * GitHub: {@code GET /user} with a bearer token and {@code x-ratelimit-*} headers; the public
 * credential-revocation endpoint ({@code POST /credentials/revoke}, unauthenticated only: 403 with
 * a token, 422 on a bad body, 202 otherwise); Actions secrets sealed to the repository's X25519
 * public key.
 */
public final class FakeGitHub implements FakeProvider {
  private static final Pattern PUBLIC_KEY =
      Pattern.compile("/repos/([^/]+)/([^/]+)/actions/secrets/public-key");
  private static final Pattern SECRET =
      Pattern.compile("/repos/([^/]+)/([^/]+)/actions/secrets/([A-Za-z0-9_]+)");

  public final KeyBook tokens = new KeyBook();
  public final String adminToken = "ghp_" + KeyBook.random(36);
  public final X25519PrivateKeyParameters repoKey =
      new X25519PrivateKeyParameters(new java.security.SecureRandom());
  public final String repoKeyId = "568250167242549743";

  /** Sealed secret values by repository and name: {@code owner/repo/NAME}. */
  public final Map<String, String> sealed = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "github";
  }

  /** The plain value of an Actions secret, opened with the repository's private key. */
  public String secret(String repo, String name) {
    String value = sealed.get(repo + "/" + name);
    if (value == null) {
      throw new AssertionError("no Actions secret " + name + " in " + repo);
    }
    return SealedBox.open(Base64.getDecoder().decode(value), repoKey);
  }

  @Override
  public Reply handle(Call call) {
    if (call.path().equals("/credentials/revoke") && call.method().equals("POST")) {
      return revoke(call);
    }
    String token = call.bearer();
    boolean admin = adminToken.equals(token);
    if (!admin && !tokens.live(token)) {
      return limited(
          Reply.json(
              401,
              "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}"));
    }
    if (call.path().equals("/user")) {
      return limited(Reply.json(200, "{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}"));
    }
    Matcher key = PUBLIC_KEY.matcher(call.path());
    Matcher secret = SECRET.matcher(call.path());
    if (admin && call.is("GET", key)) {
      return limited(
          Reply.json(
              200,
              Reply.object()
                  .put("key_id", repoKeyId)
                  .put(
                      "key",
                      Base64.getEncoder()
                          .encodeToString(repoKey.generatePublicKey().getEncoded()))));
    }
    if (admin && call.is("PUT", secret)) {
      JsonNode body = call.json();
      if (!body.path("key_id").asText().equals(repoKeyId) || !body.hasNonNull("encrypted_value")) {
        return Reply.json(
            422,
            "{\"message\":\"Invalid request.\\n\\n\\\"key_id\\\" wasn't supplied.\",\"status\":\"422\"}");
      }
      String name = secret.group(1) + "/" + secret.group(2) + "/" + secret.group(3);
      boolean existed = sealed.put(name, body.get("encrypted_value").asText()) != null;
      return Reply.empty(existed ? 204 : 201);
    }
    return Reply.json(404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
  }

  private Reply revoke(Call call) {
    if (call.header("authorization") != null) {
      return Reply.json(
          403, "{\"message\":\"Authenticated requests are not allowed\",\"status\":\"403\"}");
    }
    JsonNode credentials = call.json().path("credentials");
    if (!credentials.isArray() || credentials.isEmpty() || credentials.size() > 1000) {
      return Reply.json(422, "{\"message\":\"Validation Failed\",\"status\":\"422\"}");
    }
    credentials.forEach(c -> tokens.revokeSecret(c.asText()));
    return Reply.json(202, "{}");
  }

  private static Reply limited(Reply reply) {
    return reply
        .withHeader("x-ratelimit-limit", "5000")
        .withHeader("x-ratelimit-remaining", "4999")
        .withHeader("x-ratelimit-used", "1")
        .withHeader("x-ratelimit-reset", Long.toString(Instant.now().getEpochSecond() + 3600))
        .withHeader("x-ratelimit-resource", "core");
  }
}
