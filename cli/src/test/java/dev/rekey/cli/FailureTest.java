package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 14: a scan that runs out of heap exits 2 with the setting to change, not 1 (findings). */
class FailureTest {
  private static final long MIB = 1L << 20;

  private static String reported(Throwable e, long maxHeap) {
    StringWriter text = new StringWriter();
    assertThat(Failure.report(e, new PrintWriter(text), maxHeap)).isEqualTo(ExitCode.ERROR);
    return text.toString();
  }

  @Test
  void runningOutOfHeapIsAnErrorThatSaysWhatToSet() {
    assertThat(reported(new OutOfMemoryError("Java heap space"), 640 * MIB))
        .startsWith("rekey: out of memory: the scan needed more than the 640 MiB of Java heap")
        .contains("REKEY_JAVA_OPTS=-Xmx2g")
        .doesNotContain("internal error");
  }

  @Test
  void aWorkerRunningOutOfHeapIsRecognisedThroughTheErrorsItCaused() {
    Throwable wrapped =
        new IllegalStateException(
            "listing failed", new RuntimeException(new OutOfMemoryError("Java heap space")));
    assertThat(reported(wrapped, 640 * MIB)).contains("out of memory").contains("-Xmx2g");
  }

  @Test
  void aLargerHeapThatRanOutAsksForTwiceAsMuch() {
    assertThat(Failure.advice(3L * 1024 * MIB)).contains("3072 MiB").contains("-Xmx6g");
  }

  @Test
  void anythingElseIsAnInternalErrorToReport() {
    assertThat(reported(new IllegalStateException("boom\u001b[2J"), 640 * MIB))
        .startsWith("rekey: internal error: java.lang.IllegalStateException: boom")
        .doesNotContain("\u001b")
        .contains("Please report it");
    assertThat(Failure.outOfMemory(new StackOverflowError())).isFalse();
  }
}
