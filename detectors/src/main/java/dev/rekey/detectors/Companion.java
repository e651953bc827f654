package dev.rekey.detectors;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A non-secret identifier that belongs with a rule's secret and is found near it, such as the AWS
 * access key id beside a secret access key. It is recorded as a fact of the match.
 *
 * @param fact the fact name to record it under
 * @param pattern what the identifier looks like (group 1, or the whole match)
 * @param distance how many bytes before or after the secret to look
 * @param absorbs id of a rule whose standalone matches of the same identifier are dropped when they
 *     are paired here, so one credential yields one finding; null for none
 */
public record Companion(String fact, Pattern pattern, int distance, @Nullable String absorbs) {}
