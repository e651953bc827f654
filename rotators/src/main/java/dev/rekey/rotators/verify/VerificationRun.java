package dev.rekey.rotators.verify;

import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Verified;
import dev.rekey.scanner.report.Verification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Verifies secrets with their own providers: at most {@link VerifySettings#perProvider()} calls in
 * flight per provider, a timeout per call, retries with backoff on throttling and server failures
 * (honouring Retry-After), and one answer per fingerprint per run. Canary tokens, secrets without a
 * verifier and (without {@code network}) database logins are answered {@code unknown} without any
 * call.
 */
public final class VerificationRun implements Verification {
  private final VerifierCatalog catalog;
  private final VerifySettings settings;
  private final VerifyContext context;
  private final Map<String, Semaphore> limits = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Verified>> answers = new ConcurrentHashMap<>();

  public VerificationRun(VerifierCatalog catalog, VerifySettings settings) {
    this.catalog = catalog;
    this.settings = settings;
    this.context =
        new VerifyContext(
            settings.urls(), new ProviderClient(settings.timeout(), Clock.systemUTC()));
  }

  /** Every finding with its answer, in the same order; findings are checked in parallel. */
  @Override
  public List<Finding> verifyAll(List<Finding> findings) {
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Verified>> pending = new ArrayList<>();
      for (Finding finding : findings) {
        pending.add(workers.submit(() -> verify(Credential.of(finding))));
      }
      List<Finding> verified = new ArrayList<>();
      for (int i = 0; i < findings.size(); i++) {
        verified.add(findings.get(i).withVerified(answer(pending.get(i))));
      }
      return verified;
    }
  }

  /** The answer for this credential, asked once per fingerprint in this run. */
  public Verified verify(Credential credential) {
    CompletableFuture<Verified> mine = new CompletableFuture<>();
    CompletableFuture<Verified> existing = answers.putIfAbsent(credential.fingerprint(), mine);
    if (existing != null) {
      return answer(existing);
    }
    Verified answer = verifyNow(credential);
    mine.complete(answer);
    return answer;
  }

  /** Asks the provider now, bypassing the cache (a rotation checking a key it just revoked). */
  public Verified verifyNow(Credential credential) {
    Optional<Verified> skipped = skip(credential);
    if (skipped.isPresent()) {
      return skipped.get();
    }
    Verifier verifier = catalog.forCredential(credential).orElseThrow();
    Semaphore limit =
        limits.computeIfAbsent(
            verifier.provider().id(), p -> new Semaphore(settings.perProvider()));
    try {
      limit.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verified.error("interrupted");
    }
    try {
      return scrubbed(
          credential, settings.retry().run(() -> verifier.verify(credential, context), e -> {}));
    } catch (RotationException e) {
      return scrubbed(
          credential,
          Verified.error(
              (e.errorClass() == ErrorClass.RETRYABLE ? "gave up: " : "") + e.getMessage()));
    } catch (RuntimeException e) {
      // Its text may quote a request URL, and some providers take the key in the query string.
      return Verified.error("verification failed: " + e.getClass().getSimpleName());
    } finally {
      limit.release();
    }
  }

  /**
   * {@code answer} with the secret, wherever its reason quotes it (a provider's message, an error
   * naming a URL with the key in its query), replaced by its redacted form.
   */
  static Verified scrubbed(Credential credential, Verified answer) {
    SecretValue secret = credential.secret();
    if (secret == null) {
      return answer;
    }
    String value = secret.reveal();
    String reason = answer.reason();
    for (String form : List.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8))) {
      if (form.length() >= 6) {
        reason = reason.replace(form, secret.redacted());
      }
    }
    return reason.equals(answer.reason()) ? answer : new Verified(answer.status(), reason);
  }

  /** Whether rekey can check this credential at all. */
  public boolean verifiable(Credential credential) {
    return skip(credential).isEmpty();
  }

  private Optional<Verified> skip(Credential credential) {
    Optional<String> canary = settings.canaries().match(credential);
    if (canary.isPresent()) {
      return Optional.of(
          Verified.unknown(
              "not checked: " + canary.get() + "; any use of a canary token sets off its alarm"));
    }
    if (!RuleCatalog.isBuiltIn(credential.ruleId())) {
      return Optional.of(
          Verified.unknown(
              "not checked: "
                  + credential.ruleId()
                  + " is a custom rule, and rekey sends a secret only to the provider a built-in"
                  + " rule knows issued it"));
    }
    Optional<Verifier> verifier = catalog.forCredential(credential);
    if (verifier.isEmpty()) {
      return Optional.of(
          Verified.unknown("rekey has no read-only check for " + credential.ruleId()));
    }
    if (credential.secret() == null) {
      return Optional.of(Verified.unknown("the secret's value is not known (redacted report)"));
    }
    if (verifier.get().reachesUserHosts() && !settings.network()) {
      return Optional.of(
          Verified.unknown("not checked: a login to your own host needs --verify-network"));
    }
    return Optional.empty();
  }

  private static Verified answer(Future<Verified> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verified.error("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return Verified.error(
          "verification failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName()));
    }
  }
}
