/** Reports of scan results: human text, JSON Lines, JSON, SARIF 2.1.0, CSV and JUnit XML. */
@NullMarked
package dev.rekey.scanner.report;

import org.jspecify.annotations.NullMarked;
