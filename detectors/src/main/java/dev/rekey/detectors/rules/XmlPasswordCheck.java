package dev.rekey.detectors.rules;

import dev.rekey.detectors.ByteText;
import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Grades the password of an XML element or option like any literal password; a value its element
 * marks {@code encoding="base64"} (FileZilla's site manager) is judged decoded.
 */
final class XmlPasswordCheck extends LiteralPasswordCheck {
  @Override
  public Verdict judge(Candidate candidate) {
    String value = candidate.secret();
    boolean base64 = openingTag(candidate.text(), candidate.start()).contains("base64");
    String judged = base64 ? decoded(value) : value;
    if (judged == null) {
      return Verdict.reject("not base64");
    }
    return AssignmentCheck.graded(
        PasswordGrade.of(judged),
        candidate.rule().severity(),
        base64 ? Map.of("encoding", "base64") : Map.of());
  }

  /** The tag (or attributes) just before {@code start}, lower case. */
  private static String openingTag(ByteText text, int start) {
    int from = start;
    while (from > 0 && start - from < 200 && text.charAt(from - 1) != '<') {
      from--;
    }
    return text.subSequence(from, start).toString().toLowerCase(Locale.ROOT);
  }

  private static @Nullable String decoded(String value) {
    try {
      return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
