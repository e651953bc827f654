/**
 * Secret stores: where a new credential is staged (pending), promoted (current) and rolled back.
 */
@NullMarked
package dev.rekey.rotators.store;

import org.jspecify.annotations.NullMarked;
