package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Verdict;
import java.util.Map;

/**
 * Judges a base64-encoded {@code user:password} pair (a basic-auth header, a Docker config's {@code
 * auth}) once decoded: a pair written in clear where base64 belongs is prose ({@code Basic
 * base64(alice:secret)}), not a credential. The pair is graded like any ({@link CredentialPair}).
 */
final class CredentialPairCheck extends LiteralPasswordCheck {
  @Override
  public Verdict judge(Candidate candidate) {
    if (!candidate.decoded()) {
      return Verdict.reject("not base64: prose about a header, not a header");
    }
    String pair = candidate.secret();
    int colon = pair.indexOf(':');
    String user = pair.substring(0, colon);
    PasswordGrade grade = CredentialPair.grade(user, pair.substring(colon + 1));
    return AssignmentCheck.graded(
        grade, candidate.rule().severity(), Map.of("credentials.user", user));
  }
}
