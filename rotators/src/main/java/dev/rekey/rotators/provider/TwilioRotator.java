package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.TWILIO;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.TwilioRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Twilio API keys: the key's {@code SK…} SID, found beside the secret, identifies it; with the
 * account's SID and auth token ({@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN} — standard
 * keys may not manage keys) a new key is created and the old one deleted. The store holds {@code
 * TWILIO_API_KEY} (the SID) and {@code TWILIO_API_SECRET}.
 */
public final class TwilioRotator extends ApiKeyRotator {
  static final String ACCOUNT = "TWILIO_ACCOUNT_SID";
  static final String TOKEN = "TWILIO_AUTH_TOKEN";
  static final String SID_ENTRY = "TWILIO_API_KEY";
  static final String SECRET_ENTRY = "TWILIO_API_SECRET";
  private static final String KEY_SID = TwilioRules.KEY_SID_FACT;

  public TwilioRotator(ProviderAccess access) {
    super(access, new Kind("twilio-api-key", TWILIO, List.of(TwilioRules.API_KEY)));
  }

  @Override
  protected boolean ready(Credential credential) {
    return credential.fact(KEY_SID) != null
        && access.admin(ACCOUNT).isPresent()
        && access.admin(TOKEN).isPresent();
  }

  @Override
  protected String createStep(Credential credential) {
    return "create a Twilio API key in account "
        + access.admin(ACCOUNT).map(SecretValue::reveal).orElse("?")
        + " (with TWILIO_AUTH_TOKEN)";
  }

  @Override
  protected String entry(Credential credential) {
    return SECRET_ENTRY;
  }

  @Override
  public Optional<SecretPayload> currentPayload(Credential credential) {
    String sid = credential.fact(KEY_SID);
    SecretValue secret = credential.secret();
    return sid == null || secret == null ? Optional.empty() : Optional.of(payload(sid, secret));
  }

  private static SecretPayload payload(String sid, SecretValue secret) {
    Map<String, SecretValue> entries = new LinkedHashMap<>();
    entries.put(SID_ENTRY, SecretValue.of(sid, 34));
    entries.put(SECRET_ENTRY, secret);
    return SecretPayload.of(entries);
  }

  @Override
  protected Credential newKey(StepContext context, SecretPayload pending) throws RotationException {
    return context
        .credential()
        .withSecret(pending.get(SECRET_ENTRY), Map.of(KEY_SID, pending.get(SID_ENTRY).reveal()));
  }

  private String account() throws RotationException {
    return access
        .admin(ACCOUNT)
        .orElseThrow(() -> RotationException.user("set " + ACCOUNT))
        .reveal();
  }

  private ApiRequest signed(ApiRequest request) throws RotationException {
    return request.basic(
        account(), access.admin(TOKEN).orElseThrow(() -> RotationException.user("set " + TOKEN)));
  }

  private String keys() throws RotationException {
    return "/2010-04-01/Accounts/" + account() + "/Keys";
  }

  @Override
  protected Located locate(StepContext context) throws RotationException {
    String sid = Objects.requireNonNull(context.credential().fact(KEY_SID));
    ApiRequest call = signed(ApiRequest.get(access.url(TWILIO, keys() + "/" + sid + ".json")));
    ApiResponse response = access.send("Twilio: fetch API key " + sid, call);
    if (response.status() == 404) {
      throw RotationException.user(
          "Twilio account "
              + account()
              + " has no API key "
              + sid
              + ": it was deleted, or belongs to another account; nothing to rotate");
    }
    if (!response.ok()) {
      throw ProviderClient.refused("Twilio: fetch API key " + sid, call, response);
    }
    return new Located(account(), sid);
  }

  @Override
  protected Minted mint(StepContext context, String scope, String name) throws RotationException {
    ApiRequest call =
        signed(
            ApiRequest.form(
                "POST", access.url(TWILIO, keys() + ".json"), Map.of("FriendlyName", name)));
    JsonNode created = access.expect("Twilio: create API key", call).json();
    String sid = created.path("sid").asText();
    return new Minted(sid, payload(sid, SecretValue.of(created.path("secret").asText())));
  }

  @Override
  protected List<Named> list(StepContext context, String scope) throws RotationException {
    List<Named> keys = new ArrayList<>();
    String path = keys() + ".json?PageSize=1000";
    while (path != null) {
      JsonNode page =
          access
              .expect("Twilio: list API keys", signed(ApiRequest.get(access.url(TWILIO, path))))
              .json();
      page.path("keys")
          .forEach(
              k -> keys.add(new Named(k.path("sid").asText(), k.path("friendly_name").asText(""))));
      path = page.path("next_page_uri").isTextual() ? page.path("next_page_uri").asText() : null;
    }
    return keys;
  }

  @Override
  protected void delete(StepContext context, String scope, String id) throws RotationException {
    ApiRequest call = signed(ApiRequest.delete(access.url(TWILIO, keys() + "/" + id + ".json")));
    ApiResponse response = access.send("Twilio: delete API key " + id, call);
    if (!response.ok() && response.status() != 404) {
      throw ProviderClient.refused("Twilio: delete API key " + id, call, response);
    }
  }
}
