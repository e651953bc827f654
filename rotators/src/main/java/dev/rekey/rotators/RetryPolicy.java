package dev.rekey.rotators;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Retries retryable failures with exponential backoff and jitter (a random wait between half and
 * all of the doubled delay), honouring a provider's {@code Retry-After} up to a bound; user and
 * fatal errors are never retried.
 *
 * @param maxAttempts attempts in all, the first included
 * @param baseDelay the backoff before the second attempt, doubled for each one after
 * @param maxDelay the cap on one backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer waits give up
 * @param sleeper how to wait (tests pass one that records instead)
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxRetryAfter,
    Sleeper sleeper) {

  /** Waits; interruptible. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
  }

  /** A call that may fail with a classified error. */
  @FunctionalInterface
  public interface Action<T> {
    T run() throws RotationException;
  }

  /** Five attempts, 0.5 s doubling to at most 8 s, honouring Retry-After up to 60 s. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), Sleeper.REAL);
  }

  /**
   * Runs {@code action}, retrying retryable failures.
   *
   * @param onRetry told of each failure that will be retried, before the wait
   */
  public <T> T run(Action<T> action, Consumer<RotationException> onRetry) throws RotationException {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.run();
      } catch (RotationException e) {
        if (e.errorClass() != ErrorClass.RETRYABLE || attempt >= maxAttempts) {
          throw e;
        }
        Duration wait = backoff(attempt, e.retryAfter());
        if (wait.compareTo(maxRetryAfter) > 0) {
          throw e;
        }
        onRetry.accept(e);
        pause(wait, e);
      }
    }
  }

  /** The wait after failed attempt number {@code attempt} (1-based). */
  Duration backoff(int attempt, @org.jspecify.annotations.Nullable Duration retryAfter) {
    long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    Duration wait = Duration.ofMillis(jittered);
    return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
  }

  private void pause(Duration wait, RotationException cause) throws RotationException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RotationException(
          ErrorClass.FATAL, "interrupted while waiting to retry: " + cause.getMessage(), e);
    }
  }
}
