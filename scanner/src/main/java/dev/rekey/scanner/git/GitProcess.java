package dev.rekey.scanner.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs the {@code git} on the {@code PATH} as a child process. Used where the git a user (or a
 * hook) already runs is the fastest way in: spawning it costs a few milliseconds, where loading
 * JGit costs hundreds. The child inherits the environment, so inside a hook it sees the hook's
 * {@code GIT_DIR} and {@code GIT_INDEX_FILE}.
 */
public final class GitProcess {
  private final Path directory;

  /** Runs git in {@code directory}. */
  public GitProcess(Path directory) {
    this.directory = directory;
  }

  /**
   * What a git command wrote and how it ended.
   *
   * @param exitCode the process exit code
   * @param stdout everything written to standard output
   * @param stderr everything written to standard error, as text
   */
  @SuppressWarnings("ArrayRecordComponent") // Diff output can be large; it is read once.
  public record Output(int exitCode, byte[] stdout, String stderr) {
    /** Standard output as UTF-8 text. */
    public String text() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Whether git exited with 0. */
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code git ARGS} with no standard input. */
  public Output run(String... args) throws IOException {
    return run(null, args);
  }

  /**
   * Runs {@code git ARGS}, feeding {@code stdin} (when not null) from another thread so that a
   * large input cannot deadlock against a large output.
   *
   * @throws IOException when git cannot be started (not installed) or the pipes fail
   */
  public Output run(byte @Nullable [] stdin, String... args) throws IOException {
    List<String> command = new ArrayList<>(args.length + 1);
    command.add("git");
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(directory.toFile()).start();
    } catch (IOException e) {
      throw new IOException(
          "cannot run git: " + e.getMessage() + ": install git or put it on PATH", e);
    }
    Thread feeder = feed(process.getOutputStream(), stdin);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    Thread drainer = drain(process.getErrorStream(), errors);
    byte[] out = process.getInputStream().readAllBytes();
    try {
      int code = process.waitFor();
      feeder.join();
      drainer.join();
      return new Output(code, out, errors.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for git", e);
    }
  }

  /**
   * Starts {@code git ARGS} for streaming: the caller reads its standard output and waits for it;
   * {@code stdin} is fed from another thread; standard error is discarded.
   *
   * @throws IOException when git cannot be started
   */
  public Process start(byte[] stdin, String... args) throws IOException {
    List<String> command = new ArrayList<>(args.length + 1);
    command.add("git");
    command.addAll(List.of(args));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IOException(
          "cannot run git: " + e.getMessage() + ": install git or put it on PATH", e);
    }
    feed(process.getOutputStream(), stdin);
    return process;
  }

  private static Thread feed(OutputStream to, byte @Nullable [] input) {
    Thread thread =
        new Thread(
            () -> {
              try (to) {
                if (input != null) {
                  to.write(input);
                }
              } catch (IOException e) {
                // git exited early (it reports why on stderr); nothing more to send.
              }
            },
            "git-stdin");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static Thread drain(InputStream from, ByteArrayOutputStream into) {
    Thread thread =
        new Thread(
            () -> {
              try (from) {
                from.transferTo(into);
              } catch (IOException e) {
                // The pipe broke because git ended; what it wrote so far is kept.
              }
            },
            "git-stderr");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
