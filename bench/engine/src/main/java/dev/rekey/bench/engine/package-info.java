/** JMH benchmark of the matching engine. */
@NullMarked
package dev.rekey.bench.engine;

import org.jspecify.annotations.NullMarked;
