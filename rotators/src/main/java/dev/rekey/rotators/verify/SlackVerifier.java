package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.SLACK;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.SlackRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.scanner.model.Verified;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Slack's {@code auth.test}: it needs no scope, and answers HTTP 200 either way, with {@code "ok":
 * false} and an error code for a dead token.
 */
public final class SlackVerifier extends ProviderVerifier {
  private static final Set<String> DEAD =
      Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");

  public SlackVerifier() {
    super(SLACK, SlackRules.BOT_TOKEN, SlackRules.USER_TOKEN, SlackRules.LEGACY_TOKEN);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    SecretValue token = Objects.requireNonNull(credential.secret());
    ApiRequest call =
        ApiRequest.form("POST", context.urls().resolve(SLACK, "/api/auth.test"), Map.of())
            .bearer(token);
    ApiResponse response = context.send("Slack verification", call);
    JsonNode body = response.json();
    if (!response.ok()) {
      return HttpVerifier.judge("Slack", call, response);
    }
    if (body.path("ok").asBoolean(false)) {
      return Verified.live(
          "Slack auth.test: ok, team "
              + body.path("team").asText("?")
              + ", user "
              + body.path("user").asText("?"));
    }
    String error = body.path("error").asText("unknown");
    if (error.equals("ratelimited")) {
      throw new RotationException(
          ErrorClass.RETRYABLE,
          "Slack auth.test: ratelimited",
          response.retryAfter(Instant.now()),
          null);
    }
    String said = "Slack auth.test: " + error;
    return DEAD.contains(error) ? Verified.revoked(said) : Verified.unknown(said);
  }
}
