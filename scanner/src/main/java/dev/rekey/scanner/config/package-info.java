/**
 * The {@code .rekey.toml} configuration: custom rules, disabled rules, severity overrides, and path
 * and value allowlists. Read and validated before any scanning starts; an invalid file is reported
 * with the line at fault.
 */
@NullMarked
package dev.rekey.scanner.config;

import org.jspecify.annotations.NullMarked;
