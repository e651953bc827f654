package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.SLACK;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.rules.SlackRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Slack's {@code auth.revoke}: the token revokes itself, so it is identified exactly. Revoking a
 * bot token deactivates the bot user but leaves the app installed.
 */
public final class SlackRevoker implements Revoker {
  private static final List<String> RULES =
      List.of(SlackRules.BOT_TOKEN, SlackRules.USER_TOKEN, SlackRules.LEGACY_TOKEN);
  private static final Set<String> ALREADY_DEAD =
      Set.of("invalid_auth", "token_revoked", "account_inactive", "token_expired");

  private final ProviderAccess access;

  public SlackRevoker(ProviderAccess access) {
    this.access = access;
  }

  @Override
  public boolean handles(Credential credential) {
    return RULES.contains(credential.ruleId()) && credential.secret() != null;
  }

  @Override
  public String describe(Credential credential) {
    return "revoke the old token with Slack's auth.revoke (the token revokes itself)";
  }

  @Override
  public String revoke(StepContext context) throws RotationException {
    ApiRequest call =
        ApiRequest.form("POST", access.url(SLACK, "/api/auth.revoke"), Map.of())
            .bearer(Objects.requireNonNull(context.credential().secret()));
    ApiResponse response = access.expect("Slack: auth.revoke", call);
    JsonNode body = response.json();
    if (body.path("ok").asBoolean(false)) {
      return "Slack auth.revoke: revoked " + body.path("revoked").asBoolean(false);
    }
    String error = body.path("error").asText("unknown");
    if (ALREADY_DEAD.contains(error)) {
      return "Slack auth.revoke: already dead (" + error + ")";
    }
    throw RotationException.user(
        "Slack auth.revoke answered " + error + ": revoke the token in the app's settings");
  }
}
