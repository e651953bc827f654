/**
 * Git hooks: installing and removing rekey's pre-commit and pre-push hooks (plain, {@code
 * core.hooksPath} and husky layouts, chaining a hook already there), and the start-up cache that
 * makes a commit check take about a tenth of a second.
 */
@NullMarked
package dev.rekey.cli.hook;

import org.jspecify.annotations.NullMarked;
