package dev.rekey.detectors;

/**
 * A secret that a rule's pattern matched and that a {@link Check} is about to judge.
 *
 * @param rule the rule that matched
 * @param secret the matched secret
 * @param text the whole scanned content, for checks that look at the surroundings
 * @param start offset of the secret's first byte in {@code text}
 * @param end offset just past the secret's last byte
 * @param decoded whether {@code text} was produced by a decoder (base64, percent-encoding, …) from
 *     the scanned content rather than being the content itself
 */
public record Candidate(
    Rule rule, String secret, ByteText text, int start, int end, boolean decoded) {}
