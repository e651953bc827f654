/**
 * AWS IAM access keys: the fully automated rotator, and the SDK clients it and the Secrets Manager
 * store share.
 */
@NullMarked
package dev.rekey.rotators.aws;

import org.jspecify.annotations.NullMarked;
