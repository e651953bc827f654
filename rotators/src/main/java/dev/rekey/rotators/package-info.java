/**
 * Rotation: a leaked {@link dev.rekey.rotators.Credential} becomes a {@link
 * dev.rekey.rotators.RotationPlan} (printed before anything changes), whose steps — create, set,
 * test, finish, revoke, named after AWS Secrets Manager's rotation protocol — the rotation engine
 * ({@code run}) runs and records in the run's journal ({@code journal}), ending in a {@link
 * dev.rekey.rotators.RotationOutcome}.
 *
 * <p>This package holds the contract every part shares (credentials, rotators, steps, plans,
 * outcomes, errors); the parts live in sub-packages, and {@code run} puts them together.
 *
 * <p>This module never prints and never exits: it returns values, throws {@link
 * dev.rekey.rotators.RotationException} with its {@link dev.rekey.rotators.ErrorClass}, and talks
 * to the user only through a {@link dev.rekey.rotators.Prompter} the command line provides.
 */
@NullMarked
package dev.rekey.rotators;

import org.jspecify.annotations.NullMarked;
