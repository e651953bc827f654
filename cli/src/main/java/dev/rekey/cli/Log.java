package dev.rekey.cli;

import dev.rekey.scanner.report.InertText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Diagnostics on standard error, for people or for machines. As text, errors and notes are plain
 * lines ({@code rekey: …}) and progress events are silent. As JSON ({@code --log-format json}),
 * every event is one JSON object per line with {@code ts}, {@code run}, {@code level}, {@code
 * event}, an optional {@code message} and the event's fields (counts, paths, ids) — never a secret:
 * callers pass no secret values, and there is no way to log a {@code SecretValue}'s content.
 */
public final class Log {
  /** How log lines are written. */
  public enum Format {
    TEXT,
    JSON
  }

  private final PrintWriter err;
  private final Format format;
  private final String runId;
  private final Clock clock;

  Log(PrintWriter err, Format format, Clock clock) {
    this.err = err;
    this.format = format;
    this.runId = UUID.randomUUID().toString();
    this.clock = clock;
  }

  /** A text log on {@code err}. */
  static Log text(PrintWriter err) {
    return new Log(err, Format.TEXT, Clock.systemUTC());
  }

  /** The id shared by every line of this run. */
  public String runId() {
    return runId;
  }

  /** Whether lines are JSON. */
  public boolean isJson() {
    return format == Format.JSON;
  }

  /** Something failed; shown in both formats. */
  public void error(String event, String message, Map<String, ?> fields) {
    write("error", event, message, fields);
  }

  /** Something the user should know (known findings hidden, a file written); shown in both. */
  public void note(String event, String message, Map<String, ?> fields) {
    write("info", event, message, fields);
  }

  /** Progress and counts, for machines: JSON only. */
  public void event(String event, Map<String, ?> fields) {
    if (format == Format.JSON) {
      write("info", event, null, fields);
    }
  }

  private void write(String level, String event, @Nullable String message, Map<String, ?> fields) {
    if (format == Format.TEXT) {
      if (message != null) {
        err.println("rekey: " + InertText.lines(message));
      }
      return;
    }
    StringBuilder line = new StringBuilder(128).append('{');
    field(line, "ts", Instant.now(clock).toString());
    field(line, "run", runId);
    field(line, "level", level);
    field(line, "event", event);
    if (message != null) {
      field(line, "message", message);
    }
    fields.forEach((name, value) -> field(line, name, value));
    err.println(line.append('}'));
    err.flush();
  }

  private static void field(StringBuilder line, String name, @Nullable Object value) {
    if (line.length() > 1) {
      line.append(',');
    }
    quote(line, name);
    line.append(':');
    if (value == null) {
      line.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      line.append(value);
    } else {
      quote(line, value.toString());
    }
  }

  /** Appends {@code text} as a JSON string (RFC 8259 escapes). */
  static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (InertText.control(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
