/**
 * Decoders that uncover secrets hidden in encoded text: base64 (Kubernetes secret {@code data:}
 * values, HTTP basic-auth headers, {@code data:} URIs, literals passed to base64 decoding calls),
 * percent-encoding and JavaScript string escapes. Each decoding remembers, for every decoded byte,
 * where its encoded form starts, so a secret found in it is reported at the encoded text.
 */
@NullMarked
package dev.rekey.detectors.decode;

import org.jspecify.annotations.NullMarked;
