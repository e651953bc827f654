/**
 * Live verification: one read-only call per secret to the provider that issued it, answering live,
 * revoked, unknown or error. Only {@code rekey scan --verify} and the rotators' test and revoke
 * steps call it.
 */
@NullMarked
package dev.rekey.rotators.verify;

import org.jspecify.annotations.NullMarked;
