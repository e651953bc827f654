package dev.rekey.scanner.report;

import java.util.Locale;

/** Report formats, by their {@code --format} names. */
public enum Format {
  TEXT,
  JSONL,
  JSON,
  SARIF,
  CSV,
  JUNIT,
  HTML;

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
      case SARIF -> new SarifReporter(options);
      case CSV -> new CsvReporter(options);
      case JUNIT -> new JunitReporter(options);
      case HTML -> new HtmlReporter(options);
    };
  }
}
