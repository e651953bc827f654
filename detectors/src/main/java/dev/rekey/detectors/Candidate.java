package dev.rekey.detectors;

/**
 * A secret that a rule's pattern matched and that a {@link Check} is about to judge.
 *
 * @param rule the rule that matched
 * @param secret the matched secret
 * @param text the whole scanned content, for checks that look at the surroundings
 * @param start offset of the secret's first byte in {@code text}
 * @param end offset just past the secret's last byte
 */
public record Candidate(Rule rule, String secret, ByteText text, int start, int end) {}
