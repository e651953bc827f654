package dev.rekey.detectors;

import java.util.Map;

/** What a {@link Check} decided about a candidate secret: keep it (and how severe) or drop it. */
public sealed interface Verdict {

  /** Keep the candidate with {@code severity}, recording non-secret {@code facts} about it. */
  record Accept(Severity severity, Map<String, String> facts) implements Verdict {
    public Accept {
      facts = Map.copyOf(facts);
    }
  }

  /** Drop the candidate; {@code reason} says why (for debugging rules, never shown per match). */
  record Reject(String reason) implements Verdict {}

  static Verdict accept(Severity severity) {
    return new Accept(severity, Map.of());
  }

  static Verdict accept(Severity severity, Map<String, String> facts) {
    return new Accept(severity, facts);
  }

  static Verdict reject(String reason) {
    return new Reject(reason);
  }
}
