/**
 * Baselines: lists of known findings that a scan does not report again. rekey's own {@code
 * .rekey-baseline.json} matches by fingerprint, so moving code or rewriting history does not bring
 * an entry back; a {@code .gitleaksignore} and a detect-secrets baseline are read too, to help
 * teams switch.
 */
@NullMarked
package dev.rekey.scanner.baseline;

import org.jspecify.annotations.NullMarked;
