/**
 * Built client bundles: build output folders of the common front-end frameworks, found in a project
 * or named with {@code --bundle}; deployed sites fetched with {@code --url}; source maps, whose
 * embedded sources are scanned and whose mappings take every finding in generated code back to its
 * original file, line and column; and each file's {@link dev.rekey.scanner.model.Exposure
 * exposure}.
 */
@NullMarked
package dev.rekey.scanner.bundle;

import org.jspecify.annotations.NullMarked;
