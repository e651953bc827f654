package dev.rekey.scanner.model;

import java.util.List;

/**
 * The outcome of a scan.
 *
 * @param findings the findings, most severe first
 * @param stats what was covered
 * @param problems what could not be scanned, in the order met
 * @param known the findings a baseline already lists, not reported
 */
public record ScanResult(
    List<Finding> findings, ScanStats stats, List<Problem> problems, List<Finding> known) {

  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
    known = List.copyOf(known);
  }

  /** A result no baseline was applied to. */
  public ScanResult(List<Finding> findings, ScanStats stats, List<Problem> problems) {
    this(findings, stats, problems, List.of());
  }

  /** This result with other findings (narrowed, filtered or verified). */
  public ScanResult withFindings(List<Finding> kept) {
    return new ScanResult(kept, stats, problems, known);
  }

  /** Whether some input could not be scanned. */
  public boolean incomplete() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
