package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.Step;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's journal says about its deferred revokes, by credential fingerprint: when each falls
 * due (recorded by the run that deferred it), each credential's rule, and when each revoke started.
 * Judging a finish from these times, not from the test's own sleeps, keeps a grace test true on a
 * machine of any speed.
 *
 * @param due when each deferred revoke falls due
 * @param rules each credential's rule id, from its plan entry
 * @param started when each revoke started, for those that did
 */
record Deferrals(
    Map<String, Instant> due, Map<String, String> rules, Map<String, Instant> started) {

  static Deferrals read(Path journal) throws Exception {
    Map<String, Instant> due = new HashMap<>();
    Map<String, String> rules = new HashMap<>();
    Map<String, Instant> started = new HashMap<>();
    for (JournalEntry entry : Journal.read(journal)) {
      String credential = entry.credential();
      if (credential == null) {
        continue;
      }
      String at = entry.get("due_at");
      if (JournalEntry.PLAN.equals(entry.type()) && entry.get("rule") != null) {
        rules.put(credential, entry.get("rule"));
      } else if (JournalEntry.DEFERRED.equals(entry.phase()) && at != null) {
        due.put(credential, Instant.parse(at));
      } else if (Step.REVOKE.label().equals(entry.step())
          && JournalEntry.STARTED.equals(entry.phase())) {
        started.putIfAbsent(credential, entry.time());
      }
    }
    return new Deferrals(due, rules, started);
  }

  /** When the last grace is over. */
  Instant lastDue() {
    return Collections.max(due.values());
  }

  /** The rules of the credentials whose grace still runs at {@code time}. */
  List<String> graceRunningAt(Instant time) {
    return due.entrySet().stream()
        .filter(d -> d.getValue().isAfter(time))
        .map(d -> rules.getOrDefault(d.getKey(), d.getKey()))
        .sorted()
        .toList();
  }

  /** Every revoke started at or after its credential's grace was over. */
  void assertNoRevokeBeforeItWasDue() {
    started.forEach(
        (credential, at) ->
            assertThat(at)
                .as("revoke of %s (%s) started after its grace", rules.get(credential), credential)
                .isAfterOrEqualTo(due.get(credential)));
  }
}
