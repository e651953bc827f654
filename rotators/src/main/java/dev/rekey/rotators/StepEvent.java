package dev.rekey.rotators;

import java.time.Duration;

/**
 * What happened to one step, for logs: never a secret value.
 *
 * @param run the run id
 * @param fingerprint the credential's fingerprint
 * @param step the step, or null for events about the whole credential (skipped, rolled back)
 * @param outcome {@code started}, {@code done}, {@code retrying}, {@code failed}, {@code deferred},
 *     {@code skipped}, {@code rolled-back}
 * @param duration how long the step took so far
 * @param message details: the error, the due date of a deferred revocation; empty otherwise
 */
public record StepEvent(
    RunId run,
    String fingerprint,
    @org.jspecify.annotations.Nullable Step step,
    String outcome,
    Duration duration,
    String message) {}
