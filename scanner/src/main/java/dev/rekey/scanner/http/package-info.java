/**
 * HTTP as hostile input: an exchange bounded as a whole, in time and in size, for the site crawler
 * and for provider calls.
 */
@NullMarked
package dev.rekey.scanner.http;

import org.jspecify.annotations.NullMarked;
