/**
 * The rekey command line: picocli commands, terminal output and exit codes. Thin by design: all
 * logic a library user would need lives in the scanner and rotators modules.
 */
@NullMarked
package dev.rekey.cli;

import org.jspecify.annotations.NullMarked;
