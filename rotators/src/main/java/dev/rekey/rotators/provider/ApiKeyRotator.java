package dev.rekey.rotators.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.Provider;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.RotationMode;
import dev.rekey.rotators.Rotator;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.UsageCheck;
import dev.rekey.scanner.model.Verified;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An automated rotation through a provider's key API: locate the leaked key (its id, identified
 * from the provider's list), mint a new key, prove it works, and — after the store holds it —
 * delete the old key and prove it dead.
 *
 * <p>Providers take no idempotency key when minting, so the new key's name carries a marker derived
 * from the run and the credential ({@code rekey-1a2b3c4d}); a key with that name that the store
 * does not hold was minted by an attempt that crashed before storing it, was never used, and is
 * deleted before another is minted. A key the provider lists without a usable hint is never revoked
 * by guesswork: the revoke step then asks the user, and checks the old key is dead.
 */
public abstract class ApiKeyRotator implements Rotator {
  static final String SCOPE = "scope";
  static final String OLD_KEY_ID = "old_key_id";
  static final String NEW_KEY_ID = "new_key_id";
  static final String REVOKED = "old_key_revoked";

  protected final ProviderAccess access;
  private final Kind kind;

  /**
   * Which keys a rotator rotates.
   *
   * @param name the rotator's name, as journals record it
   * @param provider whose keys
   * @param rules the ids of the rules that find them
   */
  protected record Kind(String name, Provider provider, List<String> rules) {
    public Kind {
      rules = List.copyOf(rules);
    }
  }

  protected ApiKeyRotator(ProviderAccess access, Kind kind) {
    this.access = access;
    this.kind = kind;
  }

  @Override
  public final String name() {
    return kind.name();
  }

  /** The provider's name, e.g. {@code SendGrid}. */
  protected final String label() {
    return kind.provider().name();
  }

  @Override
  public final boolean handles(Credential credential) {
    return kind.rules().contains(credential.ruleId()) && ready(credential);
  }

  /** A key just minted with id {@code id}, to store under the credential's entry. */
  protected Minted minted(Credential credential, String id, SecretValue value) {
    return new Minted(id, SecretPayload.of(entry(credential), value));
  }

  /** The keys a provider listed in {@code keys}, by their id and name fields. */
  protected static List<Named> named(JsonNode keys, String idField, String nameField) {
    List<Named> named = new ArrayList<>();
    keys.forEach(k -> named.add(new Named(k.path(idField).asText(), k.path(nameField).asText(""))));
    return named;
  }

  /** Who the plan says acts: the admin key in {@code variable} when set, else the leaked key. */
  protected String actingWith(String variable) {
    return access.admin(variable).isPresent() ? variable : "the leaked key itself";
  }

  /** The key to act with: the admin key in {@code variable} when set, else the leaked key. */
  protected SecretValue actor(String variable, Credential credential) {
    return access.admin(variable).orElseGet(() -> Objects.requireNonNull(credential.secret()));
  }

  /**
   * Whether rekey has what rotating this credential takes; by default its value, which the
   * provider's key API is called with when no admin key is set.
   */
  protected boolean ready(Credential credential) {
    return credential.secret() != null;
  }

  /**
   * Where the leaked key lives and which key it is.
   *
   * @param scope the project, account or service account holding it, as the provider's paths need
   * @param oldKeyId its id, or null when the provider lists keys without a usable hint
   */
  protected record Located(String scope, @Nullable String oldKeyId) {}

  /** A key as listed: id and name. */
  protected record Named(String id, String name) {}

  /** A key just minted: its id and the payload to store. */
  protected record Minted(String id, SecretPayload payload) {}

  /** Lists the keys and identifies the leaked one; throws a user error when it cannot. */
  protected abstract Located locate(StepContext context) throws RotationException;

  /** Mints a key named {@code name}, in {@code scope}, like the old one (same scopes, role). */
  protected abstract Minted mint(StepContext context, String scope, String name)
      throws RotationException;

  /** Deletes key {@code id}. */
  protected abstract void delete(StepContext context, String scope, String id)
      throws RotationException;

  /** The keys now listed in {@code scope}, for finding orphans of a crashed attempt. */
  protected abstract List<Named> list(StepContext context, String scope) throws RotationException;

  /** The plan's words for the create step. */
  protected abstract String createStep(Credential credential);

  @Override
  public RotationMode mode() {
    return RotationMode.AUTOMATED;
  }

  @Override
  public List<PlannedStep> steps(Credential credential, Duration grace) {
    return List.of(
        new PlannedStep(Step.CREATE, createStep(credential) + "; stage it as AWSPENDING"),
        new PlannedStep(Step.SET, "nothing to apply: applications read the key from the store"),
        new PlannedStep(Step.TEST, "ask " + label() + " whether the new key works"),
        new PlannedStep(
            Step.FINISH, "make the new key AWSCURRENT; the old one becomes AWSPREVIOUS"),
        new PlannedStep(
            Step.REVOKE,
            "delete the old key through "
                + label()
                + "'s API, then check it is refused"
                + (grace.isZero() ? "" : " (after a grace of " + grace + ")")));
  }

  @Override
  public UsageCheck usageCheck(Credential credential) {
    return UsageCheck.none(label() + " does not report when a key was last used");
  }

  @Override
  public Optional<SecretPayload> currentPayload(Credential credential) {
    return SecretPayload.current(entry(credential), credential);
  }

  /** The store entry holding the key, e.g. {@code SENDGRID_API_KEY}. */
  protected String entry(Credential credential) {
    return credential.entryName();
  }

  /** The new key as a credential of the same kind, to verify it. */
  protected Credential newKey(StepContext context, SecretPayload pending) throws RotationException {
    Credential old = context.credential();
    return old.withSecret(pending.get(entry(old)), Map.of());
  }

  /** The leaked key as its verifier needs it (with facts learnt while locating it). */
  protected Credential oldKey(StepContext context) {
    return context.credential();
  }

  @Override
  public SecretPayload create(StepContext context) throws RotationException {
    String scope = context.note(SCOPE);
    if (scope == null) {
      Located located = locate(context);
      if (located.oldKeyId() != null) {
        context.note(OLD_KEY_ID, located.oldKeyId());
      }
      context.note(SCOPE, located.scope());
      scope = located.scope();
    }
    String name = "rekey-" + context.idempotencyKey("create").substring(0, 8);
    for (Named orphan : list(context, scope)) {
      if (orphan.name().equals(name)) {
        delete(context, scope, orphan.id());
      }
    }
    Minted minted = mint(context, scope, name);
    context.note(NEW_KEY_ID, minted.id());
    return minted.payload();
  }

  @Override
  public void test(StepContext context, SecretPayload pending) throws RotationException {
    context.note("new_key_verified", access.requireLive(newKey(context, pending)));
  }

  @Override
  public void revoke(StepContext context, SecretPayload current) throws RotationException {
    Credential old = oldKey(context);
    String oldId = context.note(OLD_KEY_ID);
    String scope = context.note(SCOPE);
    if (oldId == null || scope == null) {
      confirmByHand(context);
    } else if (context.note(REVOKED) == null) {
      delete(context, scope, oldId);
      context.note(REVOKED, context.now().toString());
    }
    context.note("old_key_check", access.requireDead(old));
  }

  /** The provider lists keys without a hint: the user deletes the old one and rekey checks. */
  private void confirmByHand(StepContext context) throws RotationException {
    Credential old = context.credential();
    Prompter prompter = context.prompter();
    String page = Dashboards.page(old);
    if (old.secret() != null
        && access.verification().verifyNow(old).status() == Verified.Status.REVOKED) {
      context.note(REVOKED, context.now().toString());
      return;
    }
    prompter.show(
        label()
            + " does not show which key is "
            + old.redacted()
            + ", so rekey will not guess: delete it at "
            + page
            + " (the new key is "
            + context.note(NEW_KEY_ID)
            + ")");
    if (!prompter.confirm("Have you deleted the old key?")) {
      throw RotationException.user(
          "the old " + label() + " key is not deleted: delete it at " + page + ", then resume");
    }
    context.note(REVOKED, context.now().toString());
  }

  @Override
  public void rollBack(StepContext context, SecretPayload previous, SecretPayload current)
      throws RotationException {
    if (context.note(REVOKED) != null) {
      throw RotationException.user(
          "the old "
              + label()
              + " key was deleted at "
              + context.note(REVOKED)
              + ": it cannot come back, so the new key stays current");
    }
  }
}
