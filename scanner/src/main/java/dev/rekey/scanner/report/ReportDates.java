package dev.rekey.scanner.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Dates and spans as the HTML report writes them: UTC, ISO dates, rounded spans. */
final class ReportDates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportDates() {}

  /** E.g. {@code 2024-01-02}. */
  static String day(Instant instant) {
    return DAY.format(instant);
  }

  /** E.g. {@code 2024-01-02 03:04 UTC}. */
  static String minute(Instant instant) {
    return MINUTE.format(instant);
  }

  /**
   * How long from {@code from} to {@code to}, rounded down: 3 days, 5 weeks, 14 months, 2 years.
   */
  static String span(Instant from, Instant to) {
    LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC);
    long days = Math.max(0, ChronoUnit.DAYS.between(start, end));
    long months = Math.max(0, ChronoUnit.MONTHS.between(start, end));
    if (days < 14) {
      return plural(days, "day");
    }
    if (days < 61) {
      return plural(days / 7, "week");
    }
    return months < 24 ? plural(months, "month") : plural(months / 12, "year");
  }

  /** E.g. {@code 850 ms}, {@code 4.2 s}, {@code 3 min 5 s}. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
