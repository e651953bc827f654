package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Verdict;
import java.util.Map;

/**
 * Grades a candidate that its syntax already shows to be a password (a login call's argument, a
 * {@code .netrc} entry): a placeholder is dropped, a weak password is low severity, any other is at
 * the rule's severity ({@link PasswordGrade}). The checks of passwords in other syntaxes extend it:
 * they all tell placeholders from passwords themselves, on the whole value.
 */
class LiteralPasswordCheck implements Check {
  @Override
  public final boolean judgesPlaceholders() {
    return true;
  }

  @Override
  public Verdict judge(Candidate candidate) {
    return AssignmentCheck.graded(
        PasswordGrade.of(candidate.secret()), candidate.rule().severity(), Map.of());
  }
}
