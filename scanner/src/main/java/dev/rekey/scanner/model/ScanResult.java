package dev.rekey.scanner.model;

import java.util.List;

/**
 * The outcome of a scan.
 *
 * @param findings the findings, most severe first
 * @param stats what was covered
 * @param problems what could not be scanned, in the order met
 */
public record ScanResult(List<Finding> findings, ScanStats stats, List<Problem> problems) {

  public ScanResult {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  /** Whether some input could not be scanned. */
  public boolean incomplete() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
