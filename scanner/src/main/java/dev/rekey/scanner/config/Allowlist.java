package dev.rekey.scanner.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What is never reported: findings at paths matching a glob, and secrets equal to a listed value or
 * matching a listed regular expression.
 *
 * @param paths glob patterns over paths relative to the scanned root ({@code **} crosses folders)
 * @param values secrets allowed verbatim
 * @param regexes patterns a whole secret may match to be allowed
 */
public record Allowlist(List<String> paths, Set<String> values, List<Pattern> regexes) {
  public static final Allowlist NONE = new Allowlist(List.of(), Set.of(), List.of());

  public Allowlist {
    paths = List.copyOf(paths);
    values = Set.copyOf(values);
    regexes = List.copyOf(regexes);
  }

  /** Whether findings at {@code path} ({@code /}-separated, relative) are allowed. */
  public boolean allowsPath(String path) {
    if (paths.isEmpty()) {
      return false;
    }
    Path p = Path.of(path);
    for (String glob : paths) {
      if (matcher(glob).matches(p)
          || (glob.startsWith("**/") && matcher(glob.substring(3)).matches(p))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the secret {@code value} is allowed. */
  public boolean allowsValue(String value) {
    return values.contains(value) || regexes.stream().anyMatch(r -> r.matcher(value).matches());
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }
}
