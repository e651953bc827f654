package dev.rekey.scanner.model;

import org.jspecify.annotations.Nullable;

/**
 * One place a secret was found.
 *
 * @param provenance where the blob holding it was seen
 * @param line 1-based line of the secret's first character
 * @param column 1-based column, in code points, of the secret's first character
 * @param exposure who can read it there
 * @param original where a source map says generated code came from, or null
 * @param snippet a short excerpt of the line around the secret (without it), or null
 * @param companion whether this place holds the identifier paired with the secret (the access key
 *     id of an AWS key pair), not the secret itself
 */
public record Location(
    Provenance provenance,
    int line,
    int column,
    Exposure exposure,
    @Nullable OriginalPosition original,
    @Nullable Snippet snippet,
    boolean companion) {

  /** A location known by its line and column only; its exposure follows from its provenance. */
  public Location(Provenance provenance, int line, int column) {
    this(provenance, line, column, Exposure.of(provenance, false), null, null, false);
  }

  /** What the file is for: code, tests or documentation (by its path). */
  public Context context() {
    return Context.of(provenance.path());
  }

  /** The location of a match at {@code site} in a blob seen at {@code provenance}. */
  public static Location of(Provenance provenance, MatchSite site) {
    OriginalPositions positions = provenance.positions();
    return new Location(
        provenance,
        site.line(),
        site.column(),
        Exposure.of(provenance, site.browserEnv()),
        positions == null ? null : positions.at(site),
        site.snippet(),
        site.companion());
  }
}
