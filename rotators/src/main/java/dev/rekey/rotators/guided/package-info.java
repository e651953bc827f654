/** The guided rotator: the provider's own page, a pasted new key, the user's word on revocation. */
@NullMarked
package dev.rekey.rotators.guided;

import org.jspecify.annotations.NullMarked;
