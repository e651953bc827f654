/**
 * Git sources, through JGit: the working tree of a repository and (with the history issue) its full
 * history. JGit is used nowhere else.
 */
@NullMarked
package dev.rekey.scanner.git;

import org.jspecify.annotations.NullMarked;
