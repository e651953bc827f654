package dev.rekey.cli;

import dev.rekey.scanner.model.ScanResult;
import java.util.Map;

/**
 * Live verification of the findings a scan is about to report, when the user asked for it. Kept
 * free of picocli so that {@link ScanRun} stays usable from the hook's fast path.
 */
@FunctionalInterface
interface Verification {

  /**
   * The findings with their verification results (and only the live ones, if so asked).
   *
   * @param providerUrls base URLs from {@code [providers.NAME]} of the configuration file
   */
  ScanResult apply(ScanResult findings, Map<String, String> providerUrls);
}
