package dev.rekey.rotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final List<Duration> waits = new ArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(
          4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30), waits::add);

  @Test
  void retriesRetryableFailuresWithGrowingBoundedBackoff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String result =
        policy.run(
            () -> {
              if (calls.incrementAndGet() < 4) {
                throw new RotationException(ErrorClass.RETRYABLE, "throttled");
              }
              return "ok";
            },
            e -> {});
    assertThat(result).isEqualTo("ok");
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void honoursRetryAfterAndGivesUpPastTheBound() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.run(
                    () -> {
                      calls.incrementAndGet();
                      throw new RotationException(
                          ErrorClass.RETRYABLE, "slow down", Duration.ofSeconds(5), null);
                    },
                    e -> {}))
        .isInstanceOf(RotationException.class);
    assertThat(waits).containsOnly(Duration.ofSeconds(5));
    assertThat(calls).hasValue(4);

    waits.clear();
    assertThatThrownBy(
            () ->
                policy.run(
                    () -> {
                      throw new RotationException(
                          ErrorClass.RETRYABLE, "later", Duration.ofHours(1), null);
                    },
                    e -> {}))
        .isInstanceOf(RotationException.class);
    assertThat(waits).isEmpty();
  }

  @Test
  void neverRetriesUserOrFatalErrors() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.run(
                    () -> {
                      calls.incrementAndGet();
                      throw RotationException.user("access denied");
                    },
                    e -> {}))
        .hasMessage("access denied");
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }
}
