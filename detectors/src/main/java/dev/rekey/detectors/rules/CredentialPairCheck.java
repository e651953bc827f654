package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Placeholders;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges a {@code user:password} pair (in a URL, a basic-auth header or a Docker config): drops
 * template and default passwords, and lowers the severity when the host beside it is local.
 */
final class CredentialPairCheck implements Check {
  private static final Set<String> DEFAULTS =
      Set.of(
          "password",
          "pass",
          "passwd",
          "pwd",
          "secret",
          "changeme",
          "admin",
          "root",
          "guest",
          "test",
          "token",
          "user",
          "username",
          "x-oauth-basic",
          "oauth2",
          "anonymous");

  @Override
  public Verdict judge(Candidate candidate) {
    String pair = candidate.secret();
    int colon = pair.indexOf(':');
    String user = pair.substring(0, colon);
    String password = pair.substring(colon + 1);
    String lower = password.toLowerCase(Locale.ROOT);
    if (DEFAULTS.contains(lower)
        || lower.equals(user.toLowerCase(Locale.ROOT))
        || lower.startsWith("$")
        || Placeholders.isPlaceholder(password)
        || Placeholders.isPlaceholder(user)) {
      return Verdict.reject("template or default password");
    }
    String after =
        candidate
            .text()
            .subSequence(candidate.end(), Math.min(candidate.text().length(), candidate.end() + 64))
            .toString()
            .toLowerCase(Locale.ROOT);
    boolean local = after.startsWith("@localhost") || after.startsWith("@127.0.0.1");
    if (after.startsWith("@example.") || after.contains(".example.com")) {
      return Verdict.reject("documentation host");
    }
    Severity severity = local ? Severity.LOW : candidate.rule().severity();
    return Verdict.accept(severity, Map.of("credentials.user", user));
  }
}
