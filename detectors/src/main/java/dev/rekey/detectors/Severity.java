package dev.rekey.detectors;

import java.util.Locale;

/** How urgently a finding needs attention, from {@link #CRITICAL} down to {@link #INFO}. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case name used in reports and configuration, e.g. {@code "critical"}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this severity is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) <= 0;
  }

  /** One step less severe; {@link #INFO} stays {@link #INFO}. */
  public Severity lower() {
    return this == INFO ? INFO : values()[ordinal() + 1];
  }

  /**
   * Parses a label such as {@code "high"}.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code label} is unknown
   */
  public static Severity parse(String label) {
    for (Severity s : values()) {
      if (s.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + label + "': use critical, high, medium, low or info");
  }
}
