/**
 * The staged changes of a repository, read through the {@code git} the user runs: what a pre-commit
 * hook must check. Only the lines a commit adds are reported.
 */
@NullMarked
package dev.rekey.scanner.staged;

import org.jspecify.annotations.NullMarked;
