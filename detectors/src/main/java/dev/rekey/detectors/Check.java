package dev.rekey.detectors;

/**
 * Validation of a candidate beyond its pattern: a checksum, a decoded JWT claim, a parsed key.
 * Checks are pure and fast; they never reach the network.
 */
@FunctionalInterface
public interface Check {

  /** Accepts every candidate with the rule's own severity. */
  Check NONE = candidate -> Verdict.accept(candidate.rule().severity());

  Verdict judge(Candidate candidate);
}
