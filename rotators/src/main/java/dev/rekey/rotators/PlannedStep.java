package dev.rekey.rotators;

/**
 * One step of a plan, as shown to the user before anything changes.
 *
 * @param step which step
 * @param description what it will do, in the user's terms, e.g. "create a second access key for IAM
 *     user (found at create)"
 */
public record PlannedStep(Step step, String description) {}
