/**
 * Where a scan starts: {@link dev.rekey.scanner.Sources} chooses the sources that cover a path (a
 * repository's history and working tree, a plain folder, the build output found in it). The parts
 * live in sub-packages: the data model ({@code model}), the pipeline that scans each blob once
 * ({@code pipeline}), the sources ({@code folder}, {@code git}, {@code staged}, {@code bundle}),
 * configuration, baselines and reports.
 */
@NullMarked
package dev.rekey.scanner;

import org.jspecify.annotations.NullMarked;
