/**
 * Reports of scan results: human text, JSON Lines, JSON, SARIF 2.1.0, CSV, JUnit XML and a
 * self-contained HTML page, which reads the JSON report back.
 */
@NullMarked
package dev.rekey.scanner.report;

import org.jspecify.annotations.NullMarked;
