package dev.rekey.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --log-format} option, shared by every command as a mixin. */
final class LogOptions {
  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "Diagnostics on standard error: text (default) or json (one object per line with"
              + " ts, run, level, event and counts; never secrets).")
  Log.Format format = Log.Format.TEXT;

  /** The log these options ask for, writing to {@code err}. */
  Log open(PrintWriter err) {
    return new Log(err, format, Clock.systemUTC());
  }
}
