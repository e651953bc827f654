package dev.rekey.rotators.provider;

import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.OpenAiRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import java.util.List;
import java.util.Objects;

/**
 * OpenAI user and project keys ({@code sk-proj-…}, {@code sk-…}), with an admin key: OpenAI's API
 * cannot create them, but it can delete a project key, found by its {@code redacted_value}.
 */
public final class OpenAiKeyRevoker implements Revoker {
  private final ProviderAccess access;

  public OpenAiKeyRevoker(ProviderAccess access) {
    this.access = access;
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals(OpenAiRules.API_KEY)
        && credential.secret() != null
        && access.admin(OpenAiAdmin.ADMIN_KEY).isPresent();
  }

  @Override
  public String describe(Credential credential) {
    return "find the old key among the organisation's project keys (with OPENAI_ADMIN_KEY) and"
        + " delete it";
  }

  @Override
  public String revoke(StepContext context) throws RotationException {
    SecretValue leaked = Objects.requireNonNull(context.credential().secret());
    OpenAiAdmin admin = new OpenAiAdmin(access, access.admin(OpenAiAdmin.ADMIN_KEY).orElseThrow());
    String project = context.note("openai_project");
    String id = context.note("openai_key_id");
    if (id == null || project == null) {
      List<OpenAiAdmin.ProjectKey> keys = admin.allKeys();
      id =
          KeyHint.identify(
              "OpenAI project API keys",
              leaked,
              keys.stream().map(k -> new KeyHint.Listed(k.id(), k.hint())).toList());
      String found = id;
      project = keys.stream().filter(k -> k.id().equals(found)).findFirst().orElseThrow().project();
      context.note("openai_project", project);
      context.note("openai_key_id", id);
    }
    admin.delete(project, id);
    return "OpenAI deleted key " + id + " of project " + project;
  }
}
