/** Reports of scan results: human text, JSON Lines, JSON (and SARIF with the reports issue). */
@NullMarked
package dev.rekey.scanner.report;

import org.jspecify.annotations.NullMarked;
