/** Calls to providers' HTTP APIs: requests, answers, timeouts, retryable failures, base URLs. */
@NullMarked
package dev.rekey.rotators.http;

import org.jspecify.annotations.NullMarked;
