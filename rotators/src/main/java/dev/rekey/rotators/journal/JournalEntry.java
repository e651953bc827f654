package dev.rekey.rotators.journal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One line of a run's journal. It holds ids, version ids, fingerprints and outcomes; never a secret
 * value.
 *
 * @param time when it was written
 * @param type {@code run} (settings and source of the run), {@code plan} (one per credential),
 *     {@code step} (a step started, done, failed or deferred), {@code note} (a fact recorded inside
 *     a step before the call it guards) or {@code rollback}
 * @param credential the credential's fingerprint; null for {@code run}
 * @param step the step's label, for {@code step} and {@code note} entries
 * @param phase {@code started}, {@code done}, {@code failed}, {@code deferred}, {@code held} (not
 *     revoked: the old credential is still in use); null otherwise
 * @param data non-secret details: version ids, key ids, store names, error class and reason
 */
public record JournalEntry(
    Instant time,
    String type,
    @Nullable String credential,
    @Nullable String step,
    @Nullable String phase,
    Map<String, String> data) {

  public static final String RUN = "run";
  public static final String PLAN = "plan";
  public static final String STEP = "step";
  public static final String NOTE = "note";
  public static final String ROLLBACK = "rollback";

  public static final String STARTED = "started";
  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String DEFERRED = "deferred";
  public static final String HELD = "held";

  public JournalEntry {
    data = java.util.Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** A datum, or null. */
  public @Nullable String get(String key) {
    return data.get(key);
  }
}
