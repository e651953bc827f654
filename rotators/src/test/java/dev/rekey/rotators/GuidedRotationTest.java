package dev.rekey.rotators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.guided.GuidedRotator;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.run.RotationEngine;
import dev.rekey.rotators.store.StoreSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine running a guided rotation into a dotenv store, with a scripted user. */
class GuidedRotationTest {
  private static final String OLD =
      "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";
  private static final String NEW = "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";

  @TempDir Path dir;

  /** A user who types the given keys in turn and answers the given confirmations. */
  static final class ScriptedUser implements Prompter {
    final Deque<String> keys = new ArrayDeque<>();
    final Deque<Boolean> answers = new ArrayDeque<>();
    final List<String> shown = new ArrayList<>();

    @Override
    public void show(String message) {
      shown.add(message);
    }

    @Override
    public SecretValue readSecret(String prompt) {
      return SecretValue.of(keys.removeFirst());
    }

    @Override
    public boolean confirm(String question) {
      return answers.removeFirst();
    }
  }

  @Test
  void checksTheFormatStoresTheKeyAndRevokesOnlyOnConfirmation() throws Exception {
    Credential credential =
        new Credential(
            "openai.api-key",
            "OpenAI",
            "api-key",
            SecretValue.of(OLD).fingerprint("openai.api-key"),
            SecretValue.of(OLD, 8),
            Map.of(),
            List.of("config/settings.py:4 (worktree)"),
            "https://platform.openai.com/api-keys");
    ScriptedUser user = new ScriptedUser();
    user.keys.addAll(List.of("not-a-key", OLD, NEW));
    user.answers.add(false);
    Path env = dir.resolve(".env");
    RotationEngine engine = engine(user, env);
    RotationPlan plan = engine.plan(credential, Duration.ZERO);
    assertThat(plan.mode()).isEqualTo(RotationMode.GUIDED);
    RunId run = new RunId("test-run");
    Path file = dir.resolve("run.jsonl");

    try (Journal journal = Journal.open(file, e -> {})) {
      engine.begin(journal, Map.of("store", "dotenv"), List.of(plan));
      RotationOutcome first = engine.run(run, journal, List.of(plan), false).getFirst();
      assertThat(first)
          .isInstanceOfSatisfying(
              RotationOutcome.Failed.class,
              f -> {
                assertThat(f.step()).isEqualTo(Step.REVOKE);
                assertThat(f.errorClass()).isEqualTo(ErrorClass.USER);
              });
    }
    assertThat(user.shown)
        .anyMatch(m -> m.contains("does not look like"))
        .anyMatch(m -> m.contains("leaked key"));
    assertThat(Files.readString(env)).isEqualTo("OPENAI_API_KEY=" + NEW + "\n");

    user.answers.add(true);
    try (Journal journal = Journal.open(file, e -> {})) {
      RotationOutcome resumed = engine.run(run, journal, List.of(plan), false).getFirst();
      assertThat(resumed).isInstanceOf(RotationOutcome.Rotated.class);
      assertThat(resumed.complete()).isTrue();
    }
    assertThat(Files.readString(file))
        .doesNotContain(OLD)
        .doesNotContain(NEW)
        .contains("revocation_confirmed_by_user");
  }

  private static RotationEngine engine(Prompter user, Path env) {
    return new RotationEngine(
        new RotatorCatalog(List.of(new GuidedRotator())),
        StoreSpec.parse("dotenv:" + env)
            .target(
                () -> {
                  throw new AssertionError("no AWS in this test");
                }),
        user,
        StepListener.NONE,
        RetryPolicy.standard(),
        Clock.systemUTC());
  }
}
