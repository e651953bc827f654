package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Judges an {@code .npmrc} credential by its key: {@code _authToken} is a token (dropped only when
 * it is a placeholder), {@code _auth} is base64 of {@code user:password} and {@code _password}
 * base64 of a password, both graded decoded ({@link CredentialPair}, {@link PasswordGrade}).
 */
final class NpmrcCheck extends LiteralPasswordCheck {
  @Override
  public Verdict judge(Candidate candidate) {
    String key = SecretNames.nameBefore(candidate.text(), candidate.start());
    String value = candidate.secret();
    if (key.endsWith("_authToken")) {
      PasswordGrade grade = PasswordGrade.of(value);
      return AssignmentCheck.graded(
          grade == PasswordGrade.WEAK ? PasswordGrade.STRONG : grade,
          candidate.rule().severity(),
          Map.of());
    }
    String decoded = decode(value);
    int colon = decoded.indexOf(':');
    if (key.endsWith("_auth") && colon > 0) {
      String user = decoded.substring(0, colon);
      return AssignmentCheck.graded(
          CredentialPair.grade(user, decoded.substring(colon + 1)),
          candidate.rule().severity(),
          Map.of("credentials.user", user));
    }
    if (key.endsWith("_password") && !decoded.isEmpty()) {
      return AssignmentCheck.graded(
          PasswordGrade.of(decoded), candidate.rule().severity(), Map.of());
    }
    return Verdict.reject("not base64 of a credential");
  }

  private static String decode(String value) {
    try {
      return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
