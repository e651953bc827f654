package dev.rekey.scanner.baseline;

import dev.rekey.scanner.model.Finding;
import org.jspecify.annotations.Nullable;

/**
 * One known finding in a {@code .rekey-baseline.json}. Only the fingerprint is matched; the rest is
 * there for the people who review the file.
 *
 * @param fingerprint the finding's fingerprint (hex SHA-256 of rule id and secret)
 * @param rule the rule id
 * @param redacted the redacted secret, to recognise it by
 * @param path where it was first found, when it was added
 * @param reason why it is accepted, e.g. {@code test fixture, valid for no account}
 */
public record BaselineEntry(
    String fingerprint,
    @Nullable String rule,
    @Nullable String redacted,
    @Nullable String path,
    @Nullable String reason) {

  /** The entry for {@code finding}, with {@code reason}. */
  public static BaselineEntry of(Finding finding, @Nullable String reason) {
    return new BaselineEntry(
        finding.fingerprint(),
        finding.rule().id(),
        finding.secret().redacted(),
        finding.primary().provenance().path(),
        reason);
  }

  /** This entry with {@code reason} (kept when {@code reason} is null). */
  public BaselineEntry withReason(@Nullable String reason) {
    return reason == null ? this : new BaselineEntry(fingerprint, rule, redacted, path, reason);
  }
}
