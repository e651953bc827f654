/**
 * Rules, the multi-pattern matching engine, entropy and key-format validation.
 *
 * <p>This package is pure: bytes in, matches out. It performs no I/O, touches no git repository and
 * never reaches the network.
 */
@NullMarked
package dev.rekey.detectors;

import org.jspecify.annotations.NullMarked;
