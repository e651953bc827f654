package dev.rekey.detectors.rules;

import dev.rekey.detectors.Placeholders;
import java.util.Locale;
import java.util.Set;

/**
 * Grades a user name and password found together (in a URL, a basic-auth header, a Docker config):
 * a template pair ({@code user:password}, {@code USER:PASSWORD}, {@code <user>:…}) holds no
 * password; otherwise the password is graded as any literal password ({@link PasswordGrade}).
 */
final class CredentialPair {
  /** Words that stand for a field rather than fill it, as user or password. */
  private static final Set<String> FIELD_WORDS =
      Set.of(
          "user",
          "username",
          "usr",
          "login",
          "name",
          "account",
          "password",
          "passwd",
          "pass",
          "pwd",
          "pw",
          "secret",
          "token",
          "foo",
          "bar");

  /** Passwords that are not secrets: the secret is elsewhere (the user is a token). */
  private static final Set<String> NOT_PASSWORDS =
      Set.of("x-oauth-basic", "oauth2", "anonymous", "x-access-token", "api", "apikey", "token");

  private CredentialPair() {}

  /** The grade of {@code password}, used with {@code user} (both percent-decoded). */
  static PasswordGrade grade(String user, String password) {
    String lowerUser = user.toLowerCase(Locale.ROOT);
    String lower = password.toLowerCase(Locale.ROOT);
    if (password.startsWith("$")
        || password.startsWith(":")
        || NOT_PASSWORDS.contains(lower)
        || Placeholders.isPlaceholder(user)
        || (FIELD_WORDS.contains(lowerUser) && FIELD_WORDS.contains(lower))
        || (FIELD_WORDS.contains(lower) && password.equals(password.toUpperCase(Locale.ROOT)))
        || password.chars().filter(Character::isLetterOrDigit).count() < 2) {
      return PasswordGrade.PLACEHOLDER;
    }
    PasswordGrade grade = PasswordGrade.of(password);
    return grade == PasswordGrade.STRONG && lower.equals(lowerUser) ? PasswordGrade.WEAK : grade;
  }
}
