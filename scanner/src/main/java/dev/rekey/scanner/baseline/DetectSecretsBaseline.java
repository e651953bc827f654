package dev.rekey.scanner.baseline;

import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A detect-secrets baseline ({@code .secrets.baseline}). detect-secrets stores each secret as the
 * hex SHA-1 of its UTF-8 text ({@code hashed_secret}) under the file it was found in, with its
 * line. An entry matches a rekey location in that file holding a secret of that hash, or, because
 * the two tools do not always cut a secret the same way (a whole PEM block, a key id), at that very
 * line.
 *
 * @param file where it was read from
 * @param entries the {@code results} entries
 */
public record DetectSecretsBaseline(Path file, List<Entry> entries) implements Baseline {

  /**
   * One {@code results} entry.
   *
   * @param filename the file, as detect-secrets recorded it
   * @param hashedSecret hex SHA-1 of the secret
   * @param line the 1-based line, or 0 when absent
   */
  public record Entry(String filename, String hashedSecret, int line) {}

  public DetectSecretsBaseline {
    entries = List.copyOf(entries);
  }

  @Override
  public boolean covers(Finding finding, Location location) {
    String path = location.provenance().path();
    String hash = sha1(finding.secret().reveal());
    for (Entry entry : entries) {
      if (Objects.equals(normalise(entry.filename()), path)
          && (entry.hashedSecret().equalsIgnoreCase(hash) || entry.line() == location.line())) {
        return true;
      }
    }
    return false;
  }

  /** detect-secrets writes paths as given on its command line, often with a leading {@code ./}. */
  private static String normalise(String filename) {
    String path = filename.replace('\\', '/');
    return path.startsWith("./") ? path.substring(2) : path;
  }

  static String sha1(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }
}
