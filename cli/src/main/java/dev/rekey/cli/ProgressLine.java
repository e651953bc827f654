package dev.rekey.cli;

import dev.rekey.scanner.pipeline.ScanProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A progress line on standard error while a scan runs — blobs, bytes, rate and time left — redrawn
 * in place a few times a second, and erased at the end. Only when standard error is a terminal: a
 * redirected or piped run stays silent.
 */
final class ProgressLine implements AutoCloseable {
  private static final long PERIOD_MILLIS = 250;
  private static final double MIB = 1024.0 * 1024.0;

  private final ScanProgress progress;
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService timer;
  private boolean drawn;
  private boolean closed;
  private @Nullable Future<?> drawing;

  private ProgressLine(ScanProgress progress, PrintWriter err) {
    this.progress = progress;
    this.err = err;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "rekey-progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts drawing {@code progress} on {@code err} if standard error is a terminal. */
  static ProgressLine start(ScanProgress progress, PrintWriter err) {
    ProgressLine line = new ProgressLine(progress, err);
    if (stderrIsTerminal()) {
      line.drawing =
          line.timer.scheduleAtFixedRate(
              line::draw, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
    return line;
  }

  private synchronized void draw() {
    if (closed) {
      return;
    }
    err.print("\r" + describe(progress, System.nanoTime() - start) + "\u001b[K");
    err.flush();
    drawn = true;
  }

  /** E.g. {@code scanning 1,234/5,678 blobs 512.0 MiB 301 MiB/s 0:14 left}. */
  static String describe(ScanProgress progress, long elapsedNanos) {
    long done = progress.blobs();
    long expected = Math.max(progress.expected(), done);
    if (expected == 0) {
      return "scanning: listing what to read…";
    }
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double mib = progress.bytes() / MIB;
    StringBuilder text = new StringBuilder("scanning ");
    text.append(String.format(Locale.ROOT, "%,d", done));
    if (expected > 0) {
      text.append(String.format(Locale.ROOT, "/%,d", expected));
    }
    text.append(String.format(Locale.ROOT, " blobs  %.1f MiB  %.0f MiB/s", mib, mib / seconds));
    if (done > 0 && expected > done) {
      long left = Math.round(seconds * (expected - done) / done);
      text.append(String.format(Locale.ROOT, "  %d:%02d left", left / 60, left % 60));
    }
    return text.toString();
  }

  @Override
  public synchronized void close() {
    closed = true;
    Future<?> running = drawing;
    if (running != null) {
      running.cancel(false);
    }
    timer.shutdownNow();
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }

  /** Whether file descriptor 2 is a terminal (Linux: it links to a tty device). */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
