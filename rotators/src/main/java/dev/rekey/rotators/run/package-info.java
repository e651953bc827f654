/**
 * Running rotations: the {@link dev.rekey.rotators.run.RotationEngine} plans each credential and
 * runs its steps, recording each in the run's journal so that a stopped run resumes; {@link
 * dev.rekey.rotators.run.Rotators} wires the built-in rotators together.
 */
@NullMarked
package dev.rekey.rotators.run;

import org.jspecify.annotations.NullMarked;
