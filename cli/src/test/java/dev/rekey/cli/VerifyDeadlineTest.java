package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rekey.rotators.testing.LoopbackProviders;
import dev.rekey.rotators.testing.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 5: {@code --verify-timeout} bounds the whole verification call. A server at a
 * provider's base URL that sends its headers at once and then one body byte a second no longer
 * holds the scan for as long as it likes (42 s past a 3 s limit was seen): each call is cut at the
 * limit, and the finding is still reported, its verification an error.
 */
class VerifyDeadlineTest {
  private static final String OPENAI_KEY =
      "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";

  /** Sixty seconds of answer at one byte a second. */
  private static final Reply TRICKLE = Reply.json(200, "{\"data\": []" + " ".repeat(48) + "}");

  @TempDir Path temp;

  private LoopbackProviders providers;

  @BeforeEach
  void start() throws Exception {
    providers = LoopbackProviders.start();
    for (int attempt = 0; attempt < 10; attempt++) {
      providers.failNext("openai", TRICKLE.trickled(1000));
    }
  }

  @AfterEach
  void stop() {
    providers.close();
  }

  @Test
  void aTricklingAnswerIsCutAtTheVerifyTimeout() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.writeString(repo.resolve("app.env"), "OPENAI_API_KEY=" + OPENAI_KEY + "\n");
    long start = System.nanoTime();

    Cli run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(90),
            () ->
                Cli.run(
                    "scan",
                    repo.toString(),
                    "--verify",
                    "--verify-timeout",
                    "2s",
                    "--provider-url",
                    "openai=" + providers.base("openai")));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    int attempts = providers.calls("openai").size();
    assertThat(attempts).as("the call reached the trickling server").isPositive();
    // Each attempt is cut at 2 s (plus back-off); unbounded, one attempt alone would take 60 s.
    assertThat(took).isLessThan(Duration.ofSeconds(8L * attempts + 10));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("within 2s");
    assertThat(run.out() + run.err()).doesNotContain(OPENAI_KEY);
  }
}
