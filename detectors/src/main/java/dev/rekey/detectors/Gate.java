package dev.rekey.detectors;

/**
 * A cheap test of the bytes at a keyword hit that every match of an anchored rule (see {@link
 * Rule#anchored()}) passes: where it fails, the rule's pattern cannot match there and is not run.
 * It serves rules whose keyword is common in ordinary text while their pattern almost never matches
 * it: the {@code ://} of every URL in a lock file is a hit for credentials in URLs, and a few byte
 * comparisons tell that {@code https://registry.npmjs.org/…} holds none, where the regular
 * expression takes a hundred times longer to say so. A gate must never turn away a place where the
 * pattern matches: it is a necessary condition of a match, not a filter of its own.
 */
@FunctionalInterface
public interface Gate {
  /** Lets every place through: the pattern is tried at each hit. */
  Gate OPEN = (content, from, to) -> true;

  /**
   * Whether the rule's pattern may match {@code content} at {@code from} (where a keyword starts)
   * within {@code [from, to)}; false only when it cannot.
   */
  boolean admits(byte[] content, int from, int to);
}
