package dev.rekey.rotators.journal;

import dev.rekey.rotators.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a journal says about a run: its settings, its plans and, per credential, the steps done, the
 * notes recorded and whether revocation is deferred or the rotation was rolled back.
 */
public final class JournalState {
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> plans = new LinkedHashMap<>();
  private final Map<String, Set<Step>> done = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> notes = new LinkedHashMap<>();
  private final Map<String, Instant> deferred = new LinkedHashMap<>();
  private final Map<String, Map<Step, Instant>> doneAt = new LinkedHashMap<>();
  private final Map<String, String> rollbacks = new LinkedHashMap<>();

  private JournalState() {}

  /** Folds the entries, in order. */
  public static JournalState of(List<JournalEntry> entries) {
    JournalState state = new JournalState();
    entries.forEach(state::apply);
    return state;
  }

  private void apply(JournalEntry entry) {
    String credential = entry.credential();
    switch (entry.type()) {
      case JournalEntry.RUN -> settings.putAll(entry.data());
      case JournalEntry.PLAN -> {
        if (credential != null) {
          plans.put(credential, entry.data());
        }
      }
      case JournalEntry.STEP, JournalEntry.NOTE -> applyStep(entry);
      case JournalEntry.ROLLBACK -> {
        if (credential != null && entry.phase() != null) {
          rollbacks.put(credential, entry.phase());
          notes.computeIfAbsent(credential, k -> new LinkedHashMap<>()).putAll(entry.data());
        }
      }
      default -> {
        // Entries of a newer rekey are ignored: the journal stays readable across versions.
      }
    }
  }

  private void applyStep(JournalEntry entry) {
    String credential = entry.credential();
    String step = entry.step();
    if (credential == null || step == null) {
      return;
    }
    notes.computeIfAbsent(credential, k -> new LinkedHashMap<>()).putAll(entry.data());
    if (JournalEntry.DONE.equals(entry.phase())) {
      done.computeIfAbsent(credential, k -> EnumSet.noneOf(Step.class)).add(Step.of(step));
      doneAt
          .computeIfAbsent(credential, k -> new java.util.EnumMap<>(Step.class))
          .putIfAbsent(Step.of(step), entry.time());
      deferred.remove(credential);
    } else if (JournalEntry.DEFERRED.equals(entry.phase())) {
      String due = entry.get("due_at");
      deferred.put(credential, due == null ? entry.time() : Instant.parse(due));
    }
  }

  /** The run's settings, as recorded when it started. */
  public Map<String, String> settings() {
    return java.util.Collections.unmodifiableMap(settings);
  }

  /** The fingerprints of the credentials of the run, in plan order. */
  public List<String> credentials() {
    List<String> credentials = new ArrayList<>();
    String listed = settings.get("credentials");
    if (listed != null && !listed.isEmpty()) {
      credentials.addAll(List.of(listed.split(",")));
    }
    plans.keySet().stream().filter(p -> !credentials.contains(p)).forEach(credentials::add);
    return credentials;
  }

  /** A credential's plan as recorded: rule, provider, rotator, mode, store. */
  public Map<String, String> plan(String fingerprint) {
    return plans.getOrDefault(fingerprint, Map.of());
  }

  public boolean done(String fingerprint, Step step) {
    return done.getOrDefault(fingerprint, Set.of()).contains(step);
  }

  /** When a step of a credential was first recorded done, or null. */
  public @Nullable Instant doneAt(String fingerprint, Step step) {
    return doneAt.getOrDefault(fingerprint, Map.of()).get(step);
  }

  /** Every note recorded for a credential, later ones overriding earlier ones. */
  public Map<String, String> notes(String fingerprint) {
    return java.util.Collections.unmodifiableMap(notes.getOrDefault(fingerprint, Map.of()));
  }

  /** When a deferred revocation falls due, or null when none is pending. */
  public @Nullable Instant revokeDueAt(String fingerprint) {
    return deferred.get(fingerprint);
  }

  /** The phase of the last rollback of this credential, or null when never rolled back. */
  public @Nullable String rollback(String fingerprint) {
    return rollbacks.get(fingerprint);
  }
}
