/** A plain folder: its tree of files, or a single file, read in parallel, each file a blob. */
@NullMarked
package dev.rekey.scanner.folder;

import org.jspecify.annotations.NullMarked;
