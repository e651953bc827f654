package dev.rekey.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekey.rotators.StepEvent;
import dev.rekey.rotators.StepListener;
import dev.rekey.scanner.report.InertEscapes;
import java.io.PrintWriter;
import java.time.Instant;

/** Logs step events on standard error, as text or one JSON object per line. Never a secret. */
final class StepLog implements StepListener {
  private static final ObjectMapper JSON = new ObjectMapper(InertEscapes.factory());

  /** The {@code --log-format} values. */
  enum Format {
    TEXT,
    JSON
  }

  private final Format format;
  private final PrintWriter err;

  StepLog(Format format, PrintWriter err) {
    this.format = format;
    this.err = InertWriter.wrap(err);
  }

  @Override
  public void on(StepEvent event) {
    if (format == Format.JSON) {
      ObjectNode line = JSON.createObjectNode();
      line.put("time", Instant.now().toString());
      line.put("run", event.run().value());
      line.put("credential", event.fingerprint());
      line.put("step", event.step() == null ? null : event.step().label());
      line.put("outcome", event.outcome());
      line.put("duration_ms", event.duration().toMillis());
      if (!event.message().isEmpty()) {
        line.put("message", event.message());
      }
      err.println(line);
    } else if (!event.outcome().equals("started")) {
      String step = event.step() == null ? "" : event.step().label() + " ";
      String message = event.message().isEmpty() ? "" : ": " + event.message();
      err.printf(
          "rekey: %s %s%s (%d ms)%s%n",
          event.fingerprint().substring(0, 12),
          step,
          event.outcome(),
          event.duration().toMillis(),
          message);
    }
    err.flush();
  }
}
