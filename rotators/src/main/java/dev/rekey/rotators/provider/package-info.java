/**
 * Rotation through providers' own APIs: automated create-and-revoke rotators (OpenAI service
 * accounts, SendGrid, Twilio, Supabase, Mailgun, Resend) and revokers that the guided rotation uses
 * once the user has made the new key (GitHub, Slack, npm, OpenAI and Anthropic admin APIs).
 * Matching a leaked key to the provider's key id goes through {@link
 * dev.rekey.rotators.provider.KeyHint}: no match, or more than one, is refused.
 */
@NullMarked
package dev.rekey.rotators.provider;

import org.jspecify.annotations.NullMarked;
