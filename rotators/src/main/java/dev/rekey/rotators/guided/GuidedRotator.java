package dev.rekey.rotators.guided;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.RotationMode;
import dev.rekey.rotators.Rotator;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.provider.Dashboards;
import dev.rekey.rotators.provider.ProviderAccess;
import dev.rekey.rotators.provider.Revoker;
import dev.rekey.scanner.model.Verified;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rotation for every provider without an automated rotator: rekey shows the provider's own page,
 * takes the new key pasted without echo, checks it has the provider's format and — where rekey has
 * a read-only check — that the provider accepts it, stores it, and then revokes the old key through
 * the provider's API where a {@link Revoker} can, or has the user revoke it. The old key counts as
 * revoked once its provider refuses it, or (without a check) once the user confirms.
 */
public final class GuidedRotator implements Rotator {
  private static final int ATTEMPTS = 3;
  static final String REVOKED = "old_key_revoked";

  private final List<Revoker> revokers;
  private final @Nullable ProviderAccess access;

  /** Guided rotation without provider calls: format checks and the user's word only. */
  public GuidedRotator() {
    this(List.of(), null);
  }

  /**
   * @param revokers revoke old keys through providers' APIs, first match wins
   * @param access verifies new and old keys with their providers, or null for no calls
   */
  public GuidedRotator(List<Revoker> revokers, @Nullable ProviderAccess access) {
    this.revokers = List.copyOf(revokers);
    this.access = access;
  }

  @Override
  public String name() {
    return "guided";
  }

  @Override
  public RotationMode mode() {
    return RotationMode.GUIDED;
  }

  @Override
  public boolean handles(Credential credential) {
    return true;
  }

  /** The revoker for a built-in rule's credential; a custom rule's goes to no provider. */
  private Optional<Revoker> revoker(Credential credential) {
    if (!RuleCatalog.isBuiltIn(credential.ruleId())) {
      return Optional.empty();
    }
    return revokers.stream().filter(r -> r.handles(credential)).findFirst();
  }

  private boolean verifiable(Credential credential) {
    ProviderAccess calls = access;
    return calls != null && calls.verification().verifiable(credential);
  }

  @Override
  public List<PlannedStep> steps(Credential credential, Duration grace) {
    String page = page(credential);
    String later = grace.isZero() ? "" : " (after a grace of " + grace + ")";
    String revoke =
        revoker(credential)
            .map(r -> r.describe(credential) + ", then check it is refused")
            .orElse(
                "you revoke the old key at "
                    + page
                    + (verifiable(credential)
                        ? "; rekey records it once " + credential.provider() + " refuses it"
                        : "; rekey records it once you confirm"));
    return List.of(
        new PlannedStep(
            Step.CREATE,
            "you create a new key at "
                + page
                + " and paste it (not echoed); it is staged as AWSPENDING"),
        new PlannedStep(Step.SET, "nothing to apply: applications read the key from the store"),
        new PlannedStep(
            Step.TEST,
            "check the new key has the "
                + credential.provider()
                + " key format"
                + (verifiable(credential)
                    ? " and that " + credential.provider() + " accepts it"
                    : "")),
        new PlannedStep(
            Step.FINISH, "make the new key AWSCURRENT; the old one becomes AWSPREVIOUS"),
        new PlannedStep(Step.REVOKE, revoke + later));
  }

  @Override
  public Optional<SecretPayload> currentPayload(Credential credential) {
    return SecretPayload.current(entry(credential), credential);
  }

  @Override
  public SecretPayload create(StepContext context) throws RotationException {
    Credential credential = context.credential();
    Prompter prompter = context.prompter();
    prompter.show(
        "Create a new "
            + credential.provider()
            + " key to replace "
            + credential.redacted()
            + ":\n  "
            + page(credential));
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      SecretValue key =
          SecretValue.of(
              prompter.readSecret(credential, "Paste the new key (not shown): ").reveal().strip());
      Optional<String> problem = problem(credential, key);
      if (problem.isEmpty()) {
        return SecretPayload.of(entry(credential), key);
      }
      prompter.show(problem.get());
    }
    throw RotationException.user(
        "no valid new "
            + credential.provider()
            + " key was pasted: resume the run when you have one");
  }

  @Override
  public void test(StepContext context, SecretPayload pending) throws RotationException {
    Credential credential = context.credential();
    SecretValue key = pending.get(entry(credential));
    Optional<String> problem = problem(credential, key);
    if (problem.isPresent()) {
      throw RotationException.user(problem.get());
    }
    ProviderAccess calls = access;
    if (calls != null && verifiable(credential)) {
      context.note("new_key_verified", calls.requireLive(credential.withSecret(key, Map.of())));
    }
  }

  @Override
  public void revoke(StepContext context, SecretPayload current) throws RotationException {
    Credential credential = context.credential();
    Optional<Revoker> revoker = revoker(credential);
    ProviderAccess calls = access;
    if (revoker.isPresent() && calls != null) {
      if (context.note(REVOKED) == null) {
        context.note(REVOKED, revoker.get().revoke(context));
      }
      context.note("old_key_check", calls.requireDead(credential));
      return;
    }
    String still = "";
    if (calls != null && verifiable(credential)) {
      Verified answer = calls.verification().verifyNow(credential);
      if (answer.status() == Verified.Status.REVOKED) {
        context.note(REVOKED, credential.provider() + " refuses the old key");
        return;
      }
      still =
          answer.status() == Verified.Status.LIVE
              ? credential.provider() + " still accepts it; "
              : "";
    }
    confirm(context, credential, still);
    if (calls != null && verifiable(credential)) {
      context.note("old_key_check", calls.requireDead(credential));
    }
  }

  private static void confirm(StepContext context, Credential credential, String still)
      throws RotationException {
    Prompter prompter = context.prompter();
    prompter.show(
        "Revoke the old "
            + credential.provider()
            + " key "
            + credential.redacted()
            + ":\n  "
            + page(credential));
    if (!prompter.confirm("Have you revoked the old key?")) {
      throw RotationException.user(
          "the old "
              + credential.provider()
              + " key is not confirmed revoked: "
              + still
              + "revoke it at "
              + page(credential)
              + ", then resume the run");
    }
    context.note("revocation_confirmed_by_user", context.now().toString());
  }

  private static Optional<String> problem(Credential credential, SecretValue key) {
    if (key.length() == 0) {
      return Optional.of("Nothing was pasted.");
    }
    SecretValue old = credential.secret();
    if (old != null && old.equals(key)) {
      return Optional.of("That is the leaked key: create a new one.");
    }
    Optional<Rule> rule = credential.rule();
    if (rule.isPresent()
        && !rule.get().examples().isEmpty()
        && !KeyFormat.matches(rule.get(), key.reveal())) {
      return Optional.of(
          "That does not look like a "
              + credential.provider()
              + " key ("
              + credential.ruleId()
              + "): check you copied all of it.");
    }
    return Optional.empty();
  }

  private static String page(Credential credential) {
    return Dashboards.page(credential);
  }

  /** The entry name an application would read, e.g. {@code OPENAI_API_KEY}. */
  public static String entry(Credential credential) {
    return credential.entryName();
  }
}
