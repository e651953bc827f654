/**
 * The built-in rule catalog, one file per provider, each rule with its own examples and
 * counter-examples.
 */
@NullMarked
package dev.rekey.detectors.rules;

import org.jspecify.annotations.NullMarked;
