package dev.rekey.cli;

import dev.rekey.scanner.report.InertText;
import java.io.PrintWriter;

/**
 * What rekey says when something escapes a command: the Java heap running out (on the main thread,
 * or on a worker whose error reaches it as the cause of another) is an error with the setting that
 * fixes it, never exit 1 (findings), the JVM's own code for an uncaught error; anything else is an
 * internal error to report.
 */
final class Failure {
  private static final long GIB = 1L << 30;
  private static final int MAX_CAUSES = 32; // a chain of causes may loop

  private Failure() {}

  /** Reports {@code e} on {@code err}; returns the exit code (always {@link ExitCode#ERROR}). */
  static int report(Throwable e, PrintWriter err, long maxHeap) {
    if (outOfMemory(e)) {
      err.println(advice(maxHeap));
    } else {
      err.println("rekey: internal error: " + InertText.lines(String.valueOf(e)));
      err.println("Please report it with the command you ran.");
    }
    err.flush();
    return ExitCode.ERROR;
  }

  /** Whether {@code e} or one of its causes is the heap running out. */
  static boolean outOfMemory(Throwable e) {
    Throwable at = e;
    for (int depth = 0; at != null && depth < MAX_CAUSES; depth++) {
      if (at instanceof OutOfMemoryError) {
        return true;
      }
      at = at.getCause();
    }
    return false;
  }

  /** What failed, why, and the heap to ask for: 2 GiB, or twice the heap that ran out. */
  static String advice(long maxHeap) {
    long wantGib = Math.max(2, (2 * maxHeap + GIB - 1) / GIB);
    return "rekey: out of memory: the scan needed more than the "
        + (maxHeap >> 20)
        + " MiB of Java heap it may use: run it again with REKEY_JAVA_OPTS=-Xmx"
        + wantGib
        + "g in the environment (java -Xmx"
        + wantGib
        + "g when running the jar directly)";
  }
}
