/**
 * The rotation journal: one JSON Lines file per run, flushed and fsynced per entry, holding ids,
 * version ids, fingerprints and outcomes — never a secret value.
 */
@NullMarked
package dev.rekey.rotators.journal;

import org.jspecify.annotations.NullMarked;
