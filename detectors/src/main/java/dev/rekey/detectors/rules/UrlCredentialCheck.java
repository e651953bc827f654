package dev.rekey.detectors.rules;

import dev.rekey.detectors.ByteText;
import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.util.Map;

/**
 * Judges the {@code user:password} of a URL ({@code https://deploy:…@git.acme-corp.net}, a line of
 * {@code .git-credentials}): the user name and password are graded like any pair ({@link
 * CredentialPair}, percent-decoded), and the host like a host: it must be one (a dot or {@code
 * localhost}), not documentation ({@code example.com}) and not followed by regular-expression
 * syntax (a pattern that matches URLs, not a URL). A local host or a weak password is low severity.
 */
final class UrlCredentialCheck extends LiteralPasswordCheck {
  /** Characters after a host that make the text a regular expression or a template. */
  private static final String PATTERN_SYNTAX = "\\([*+?{}|$^";

  @Override
  public Verdict judge(Candidate candidate) {
    String pair = candidate.secret();
    int colon = pair.indexOf(':');
    String user = Percent.decode(pair.substring(0, colon));
    String password = Percent.decode(pair.substring(colon + 1));
    ByteText text = candidate.text();
    int hostStart = candidate.end() + 1;
    int hostEnd = hostStart;
    while (hostEnd < text.length() && hostChar(text.charAt(hostEnd))) {
      hostEnd++;
    }
    String host = text.subSequence(hostStart, hostEnd).toString();
    if (!Hosts.plausible(host) || Hosts.documentation(host)) {
      return Verdict.reject("not a real host");
    }
    if (hostEnd < text.length() && PATTERN_SYNTAX.indexOf(text.charAt(hostEnd)) >= 0
        || !printable(user + password)) {
      return Verdict.reject("a pattern or a test vector, not a URL");
    }
    PasswordGrade grade = CredentialPair.grade(user, password);
    Severity strong = Hosts.local(host) ? Severity.LOW : candidate.rule().severity();
    return AssignmentCheck.graded(grade, strong, Map.of("credentials.user", user));
  }

  private static boolean hostChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-';
  }

  /** Whether no character is a control character (a decoded test vector's {@code %00}). */
  private static boolean printable(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
  }
}
