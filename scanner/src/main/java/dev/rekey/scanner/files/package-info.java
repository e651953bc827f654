/**
 * Files on this machine, handled as hostile input: reading under a scanned root without following a
 * link out of it or opening anything but a regular file, writing atomically (a link in the way is
 * replaced, never written through), and the per-user folder where rekey caches what it knows about
 * a repository. Depends on nothing else in the scanner.
 */
@NullMarked
package dev.rekey.scanner.files;

import org.jspecify.annotations.NullMarked;
