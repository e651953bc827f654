/**
 * Rotation: a leaked {@link dev.rekey.rotators.Credential} becomes a {@link
 * dev.rekey.rotators.RotationPlan} (printed before anything changes), whose steps — create, set,
 * test, finish, revoke, named after AWS Secrets Manager's rotation protocol — the {@link
 * dev.rekey.rotators.RotationEngine} runs and records in a {@link
 * dev.rekey.rotators.journal.Journal}, ending in a {@link dev.rekey.rotators.RotationOutcome}.
 *
 * <p>This module never prints and never exits: it returns values, throws {@link
 * dev.rekey.rotators.RotationException} with its {@link dev.rekey.rotators.ErrorClass}, and talks
 * to the user only through a {@link dev.rekey.rotators.Prompter} the command line provides.
 */
@NullMarked
package dev.rekey.rotators;

import org.jspecify.annotations.NullMarked;
