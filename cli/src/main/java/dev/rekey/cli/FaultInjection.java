package dev.rekey.cli;

import dev.rekey.rotators.journal.JournalEntry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Test-only crash switch: with {@code REKEY_FAULT_AFTER_ENTRIES=N} in the environment, the process
 * halts — no shutdown hooks, no flushing, as if killed — right after the N-th journal entry this
 * process writes is durable. The fault-injection tests use it to stop a run at every step boundary
 * and prove that {@code --resume} reaches the same end state.
 */
final class FaultInjection {
  static final String VARIABLE = "REKEY_FAULT_AFTER_ENTRIES";
  static final int HALT_STATUS = 86;

  private FaultInjection() {}

  static Consumer<JournalEntry> fromEnv(Map<String, String> env) {
    String limit = env.get(VARIABLE);
    if (limit == null || limit.isBlank()) {
      return entry -> {};
    }
    int after = Integer.parseInt(limit.trim());
    AtomicInteger written = new AtomicInteger();
    return entry -> {
      if (written.incrementAndGet() == after) {
        Runtime.getRuntime().halt(HALT_STATUS);
      }
    };
  }
}
