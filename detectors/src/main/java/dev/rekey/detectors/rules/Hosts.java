package dev.rekey.detectors.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a host name beside a credential tells: documentation, the local machine, or neither. */
final class Hosts {
  private static final Set<String> LOCAL =
      Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1", "host.docker.internal");

  /** Hosts reserved for documentation (RFC 2606, RFC 6761) and the usual stand-ins. */
  private static final Pattern DOCUMENTATION =
      Pattern.compile(
          "(?:.*\\.)?(?:example|invalid|test)|(?:.*\\.)?example\\.(?:com|org|net|edu)"
              + "|(?:.*\\.)?(?:your|my)-?(?:domain|host|server|site|company)\\.[a-z]+"
              + "|(?:domain|host|hostname|server|foo|bar|baz|site)\\.(?:com|org|net)"
              + "|.*[<>{}$%].*|host|hostname|server|domain|your.*");

  private Hosts() {}

  /** Whether {@code host} is the local machine. */
  static boolean local(String host) {
    return LOCAL.contains(host.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code host} is a documentation or template host. */
  static boolean documentation(String host) {
    return DOCUMENTATION.matcher(host.toLowerCase(Locale.ROOT)).matches();
  }

  /** Whether {@code host} can name a machine: it has a dot, or it is {@code localhost}. */
  static boolean plausible(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return (lower.indexOf('.') > 0 && !lower.endsWith(".") && lower.matches("[a-z0-9.-]+"))
        || local(lower);
  }
}
