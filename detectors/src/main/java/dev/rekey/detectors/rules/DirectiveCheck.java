package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Verdict;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges {@code password value} on a line of its own (the directives of {@code .esmtprc}, {@code
 * msmtprc}, {@code redis.conf}): the name must hold a password ({@link SecretNames}), a switch
 * ({@code PasswordAuthentication no}) or two words of prose ({@code Password protected}) are not
 * one, and the value is graded like any literal password.
 */
final class DirectiveCheck extends LiteralPasswordCheck {
  private static final Set<String> SWITCHES =
      Set.of("yes", "no", "on", "off", "true", "false", "none", "required", "optional", "prompt");

  @Override
  public Verdict judge(Candidate candidate) {
    String name = SecretNames.nameBefore(candidate.text(), candidate.start());
    String value = candidate.secret();
    boolean capitalised = Character.isUpperCase(name.charAt(0)) && !name.equals(upper(name));
    if (SecretNames.notSecret(name.toLowerCase(Locale.ROOT))
        || SWITCHES.contains(value.toLowerCase(Locale.ROOT))
        || (capitalised && value.chars().allMatch(Character::isLetter))) {
      return Verdict.reject("not a password directive");
    }
    return AssignmentCheck.graded(
        PasswordGrade.of(value),
        candidate.rule().severity(),
        Map.of("generic.name", name.toLowerCase(Locale.ROOT)));
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
