package dev.rekey.rotators.provider;

import static dev.rekey.detectors.rules.ProviderCatalog.OPENAI;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.OpenAiRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.UsageCheck;
import java.util.List;
import java.util.Objects;

/**
 * OpenAI service-account keys ({@code sk-svcacct-…}), with an admin key: the leaked key is found
 * among the organisation's project keys by its {@code redacted_value}, a new key is added to the
 * same service account (same project, same role), and the old key is deleted.
 */
public final class OpenAiServiceAccountRotator extends ApiKeyRotator {

  public OpenAiServiceAccountRotator(ProviderAccess access) {
    super(
        access,
        new Kind("openai-service-account", OPENAI, List.of(OpenAiRules.SERVICE_ACCOUNT_KEY)));
  }

  @Override
  protected boolean ready(Credential credential) {
    return credential.secret() != null && access.admin(OpenAiAdmin.ADMIN_KEY).isPresent();
  }

  @Override
  protected String createStep(Credential credential) {
    return "find the key among the organisation's project keys (with OPENAI_ADMIN_KEY), add a new"
        + " key to the same service account";
  }

  @Override
  public UsageCheck usageCheck(Credential credential) {
    return new OpenAiKeyLastUse(this::admin);
  }

  private OpenAiAdmin admin() throws RotationException {
    return new OpenAiAdmin(
        access,
        access
            .admin(OpenAiAdmin.ADMIN_KEY)
            .orElseThrow(() -> RotationException.user("set OPENAI_ADMIN_KEY to an admin key")));
  }

  @Override
  protected Located locate(StepContext context) throws RotationException {
    SecretValue leaked = Objects.requireNonNull(context.credential().secret());
    List<OpenAiAdmin.ProjectKey> keys = admin().allKeys();
    String id =
        KeyHint.identify(
            "OpenAI project API keys",
            leaked,
            keys.stream().map(k -> new KeyHint.Listed(k.id(), k.hint())).toList());
    OpenAiAdmin.ProjectKey key =
        keys.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    if (key.serviceAccount() == null) {
      throw RotationException.user(
          "OpenAI key "
              + id
              + " belongs to a user, not a service account: rotate it at "
              + context.credential().rotationUrl());
    }
    return new Located(key.project() + "/" + key.serviceAccount(), id);
  }

  @Override
  protected Minted mint(StepContext context, String scope, String name) throws RotationException {
    String[] parts = scope.split("/", 2);
    JsonNode created = admin().addServiceAccountKey(parts[0], parts[1], name);
    String value = created.path("value").asText("");
    if (value.isEmpty()) {
      throw RotationException.fatal(
          "OpenAI answered the new key without its value: delete key "
              + created.path("id").asText("?")
              + " in project "
              + parts[0]
              + " and resume");
    }
    return minted(context.credential(), created.path("id").asText(), SecretValue.of(value, 11));
  }

  @Override
  protected List<Named> list(StepContext context, String scope) throws RotationException {
    String account = scope.split("/", 2)[1];
    return admin().keys(scope.split("/", 2)[0]).stream()
        .filter(k -> account.equals(k.serviceAccount()))
        .map(k -> new Named(k.id(), k.name()))
        .toList();
  }

  @Override
  protected void delete(StepContext context, String scope, String id) throws RotationException {
    admin().delete(scope.split("/", 2)[0], id);
  }
}
