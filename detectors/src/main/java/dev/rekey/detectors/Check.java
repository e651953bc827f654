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

  /**
   * Whether this check tells placeholders from secrets itself, on the whole value. When it does
   * not, the engine drops every candidate that merely contains a placeholder marker ({@code xxxx},
   * {@code example}, …) before asking it: right for keys, wrong for passwords ({@code admin2024!}).
   */
  default boolean judgesPlaceholders() {
    return false;
  }
}
