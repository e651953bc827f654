package dev.rekey.rotators.testing;

import dev.rekey.rotators.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A retry sleeper that records the waits instead of sleeping. */
public final class RecordingSleeper implements RetryPolicy.Sleeper {
  public final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  /** A policy of {@code attempts} attempts that records its waits here. */
  public RetryPolicy policy(int attempts) {
    return new RetryPolicy(
        attempts, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30), this);
  }
}
