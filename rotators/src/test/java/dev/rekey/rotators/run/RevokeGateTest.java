package dev.rekey.rotators.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.InUsePolicy;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationMode;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.Rotator;
import dev.rekey.rotators.RotatorCatalog;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.StepListener;
import dev.rekey.rotators.Usage;
import dev.rekey.rotators.UsageCheck;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.store.StoreSpec;
import dev.rekey.rotators.testing.Credentials;
import dev.rekey.rotators.testing.RecordingSleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revoke waits while the old credential is in use, at most the grace, then holds it. */
class RevokeGateTest {
  @TempDir Path dir;

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final FakeRotator rotator = new FakeRotator();
  private final Credential credential = Credentials.of("example.api-key", "old-key-value-1234");

  /** Mints "new", revokes by counting, and reports the queued usages (idle when none is left). */
  static final class FakeRotator implements Rotator {
    final Deque<Usage> usages = new ArrayDeque<>();
    int revoked;
    int looks;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public RotationMode mode() {
      return RotationMode.AUTOMATED;
    }

    @Override
    public boolean handles(Credential credential) {
      return true;
    }

    @Override
    public List<PlannedStep> steps(Credential credential, Duration grace) {
      return List.of();
    }

    @Override
    public java.util.Optional<SecretPayload> currentPayload(Credential credential) {
      return java.util.Optional.empty();
    }

    @Override
    public SecretPayload create(StepContext context) {
      return SecretPayload.of("EXAMPLE_API_KEY", SecretValue.of("new-key-value-5678"));
    }

    @Override
    public void test(StepContext context, SecretPayload pending) {}

    @Override
    public void revoke(StepContext context, SecretPayload current) {
      revoked++;
    }

    @Override
    public UsageCheck usageCheck(Credential credential) {
      return new UsageCheck() {
        @Override
        public String describe() {
          return "the fake's sessions";
        }

        @Override
        public Usage look(StepContext context, SecretPayload current, Instant since) {
          looks++;
          Usage next = usages.poll();
          return next == null ? new Usage.Idle("no session") : next;
        }
      };
    }
  }

  private RotationEngine engine(Clock clock, InUsePolicy policy) {
    return new RotationEngine(
        new RotatorCatalog(List.of(rotator)),
        StoreSpec.parse("dotenv:" + dir.resolve(".env"))
            .target(
                () -> {
                  throw new AssertionError("no AWS in this test");
                }),
        Prompter.NONE,
        StepListener.NONE,
        sleeper.policy(2),
        clock,
        policy);
  }

  private RotationOutcome run(Duration grace, InUsePolicy policy) throws Exception {
    RotationEngine engine = engine(Clock.systemUTC(), policy);
    RotationPlan plan = engine.plan(credential, grace);
    assertThat(plan.usageCheck()).isEqualTo("the fake's sessions");
    try (Journal journal = Journal.open(dir.resolve("run.jsonl"), e -> {})) {
      engine.begin(journal, Map.of("store", "dotenv"), List.of(plan));
      return engine.run(new RunId("test-run"), journal, List.of(plan), true).getFirst();
    }
  }

  @Test
  void inUseWithoutGraceHoldsTheRevocationWithTheEvidenceAndAFinishRevokesOnceLetGo()
      throws Exception {
    rotator.usages.add(new Usage.InUse("2 sessions of role app"));

    RotationOutcome held = run(Duration.ZERO, InUsePolicy.WAIT);

    assertThat(held)
        .isInstanceOfSatisfying(
            RotationOutcome.Held.class,
            h -> assertThat(h.evidence()).isEqualTo("2 sessions of role app"));
    assertThat(held.complete()).isFalse();
    assertThat(rotator.revoked).isZero();
    assertThat(sleeper.waits).isEmpty();
    assertThat(Files.readString(dir.resolve("run.jsonl")))
        .contains("\"held\"")
        .contains("2 sessions of role app");

    RotationOutcome finished = run(Duration.ZERO, InUsePolicy.WAIT);

    assertThat(finished).isInstanceOf(RotationOutcome.Rotated.class);
    assertThat(finished.complete()).isTrue();
    assertThat(rotator.revoked).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("run.jsonl"))).contains("no session");
  }

  @Test
  void revokeWaitsWhileInUseAndGoesAheadOnceLetGoWithinTheGrace() throws Exception {
    rotator.usages.add(new Usage.InUse("used at 10:00:01"));
    rotator.usages.add(new Usage.InUse("used at 10:00:02"));

    RotationOutcome outcome = runDue(Duration.ofSeconds(5));

    assertThat(outcome.complete()).isTrue();
    assertThat(rotator.looks).isEqualTo(3);
    assertThat(sleeper.waits).containsExactly(RevokeGate.POLL, RevokeGate.POLL);
    assertThat(rotator.revoked).isEqualTo(1);
  }

  @Test
  void stillInUseWhenTheGraceRunsOutIsHeld() throws Exception {
    for (int i = 0; i < 10; i++) {
      rotator.usages.add(new Usage.InUse("used at 10:00:0" + i));
    }

    RotationOutcome outcome = runDue(Duration.ofSeconds(2));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RotationOutcome.Held.class,
            h -> assertThat(h.evidence()).isEqualTo("used at 10:00:02"));
    assertThat(rotator.looks).isEqualTo(3);
    assertThat(rotator.revoked).isZero();
  }

  @Test
  void forceRevokesWithoutLooking() throws Exception {
    rotator.usages.add(new Usage.InUse("2 sessions of role app"));

    RotationOutcome outcome = run(Duration.ZERO, InUsePolicy.REVOKE_ANYWAY);

    assertThat(outcome.complete()).isTrue();
    assertThat(rotator.looks).isZero();
    assertThat(rotator.revoked).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("run.jsonl"))).contains("--force");
  }

  /** A run with a grace that is already over when --finish comes (a clock a day ahead). */
  private RotationOutcome runDue(Duration grace) throws Exception {
    run(grace, InUsePolicy.WAIT); // finishes and defers the revocation
    RotationEngine later =
        engine(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)), InUsePolicy.WAIT);
    RotationPlan plan = later.plan(credential, grace);
    try (Journal journal = Journal.open(dir.resolve("run.jsonl"), e -> {})) {
      return later.run(new RunId("test-run"), journal, List.of(plan), true).getFirst();
    }
  }
}
