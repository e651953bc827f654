package dev.rekey.scanner;

/**
 * One place a secret was found.
 *
 * @param provenance where the blob holding it was seen
 * @param line 1-based line of the secret's first character
 * @param column 1-based column, in code points, of the secret's first character
 */
public record Location(Provenance provenance, int line, int column) {}
