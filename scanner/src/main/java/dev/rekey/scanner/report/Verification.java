package dev.rekey.scanner.report;

import dev.rekey.scanner.model.Finding;
import java.util.List;

/**
 * Asks the providers about the findings a report is about to show ({@code rekey scan --verify}).
 * The reporting step attaches the answers (see {@link ReportStep}); rotators' verification run is
 * the implementation.
 */
@FunctionalInterface
public interface Verification {

  /** {@code findings}, in the same order, each with the provider's answer attached. */
  List<Finding> verifyAll(List<Finding> findings);
}
