package dev.rekey.scanner.report;

import java.util.Locale;

/** Report formats, by their {@code --format} names. */
public enum Format {
  TEXT,
  JSONL,
  JSON,
  SARIF;

  /** The {@code --format} name. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reporter for this format. */
  public Reporter reporter(ReportOptions options) {
    return switch (this) {
      case TEXT -> new TextReporter(options);
      case JSONL -> new JsonLinesReporter(options);
      case JSON -> new JsonReporter(options);
      case SARIF ->
          throw new UnsupportedOperationException(
              "--format sarif is reserved and not implemented yet: use json or jsonl");
    };
  }
}
