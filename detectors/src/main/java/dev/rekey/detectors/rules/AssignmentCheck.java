package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Entropy;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Judges a value assigned to a secret-sounding name ({@code password}, {@code api_key}, {@code
 * token}, …) when no provider claims it: drops names that are not secrets ({@code token_type},
 * {@code public_key}, {@code csrf_token}, …, see {@link SecretNames}) and values that are code
 * rather than literals ({@link CodeValue}). A random secret must look random; a password is graded
 * ({@link PasswordGrade}): a placeholder is dropped, a weak password is reported at low severity,
 * any other at the rule's. Base64 of text is judged decoded.
 */
final class AssignmentCheck implements Check {
  private static final Pattern UUID = Pattern.compile(Shapes.UUID);

  /**
   * Several words of prose ({@code Mot de passe oublié ?}, {@code 230 Welcome you silly person}): a
   * label or a message, not a password.
   */
  private static final Pattern PROSE = Pattern.compile("\\p{L}{2,}(?: \\S+)+|\\S+(?: \\S+){2,}");

  /**
   * Two letters in a row from a script of translated labels ({@code パスワード}, {@code 비밀번호}, {@code
   * Пароль}): a translation file's message, not a password.
   */
  private static final Pattern LABEL_SCRIPT =
      Pattern.compile(
          "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\p{IsCyrillic}\\p{IsGreek}"
              + "\\p{IsArabic}\\p{IsHebrew}\\p{IsThai}\\p{IsDevanagari}]{2}");

  private static final String INSECURE = "django-insecure-";

  private final boolean password;

  /** A check for passwords (human-chosen) or for random secrets. */
  AssignmentCheck(boolean password) {
    this.password = password;
  }

  /** A password check grades placeholders itself: {@code admin2024!} is weak, not filler. */
  @Override
  public boolean judgesPlaceholders() {
    return password;
  }

  @Override
  public Verdict judge(Candidate candidate) {
    String name =
        SecretNames.nameBefore(candidate.text(), candidate.start()).toLowerCase(Locale.ROOT);
    if (SecretNames.notSecret(name)) {
      return Verdict.reject("name does not hold a secret");
    }
    String value = candidate.secret();
    if (CodeValue.isCode(candidate, name, password)) {
      return Verdict.reject("code, not a value");
    }
    if (prose(value) || CodeValue.inSentence(candidate) || SecretNames.namesSecret(value, name)) {
      return Verdict.reject("words, not a secret");
    }
    // Django's generated key is "django-insecure-" and 50 random characters: judge those.
    String judged =
        decodedText(value.startsWith(INSECURE) ? value.substring(INSECURE.length()) : value);
    Map<String, String> facts = Map.of("generic.name", name);
    if (password) {
      return graded(PasswordGrade.of(judged), candidate.rule().severity(), facts);
    }
    if (!random(judged)) {
      return Verdict.reject("does not look random enough");
    }
    Severity severity = UUID.matcher(value).matches() ? Severity.LOW : candidate.rule().severity();
    return Verdict.accept(severity, facts);
  }

  /** The verdict on a password of {@code grade}: weak ones low, strong ones at {@code strong}. */
  static Verdict graded(PasswordGrade grade, Severity strong, Map<String, String> facts) {
    return switch (grade) {
      case PLACEHOLDER -> Verdict.reject("a placeholder, not a password");
      case WEAK -> Verdict.accept(Severity.LOW, facts);
      case STRONG -> Verdict.accept(strong, facts);
    };
  }

  /**
   * Whether {@code value} is several words of which most are plain words, or words in the script of
   * a translation: a label or a message.
   */
  static boolean prose(String value) {
    if (LABEL_SCRIPT.matcher(value).find()) {
      return true;
    }
    if (!PROSE.matcher(value).matches()) {
      return false;
    }
    List<String> words = List.of(value.split(" +"));
    long plain = words.stream().filter(w -> w.matches("\\p{L}+[.,:;!?]?|[.,:;!?]")).count();
    return plain * 2 > words.size();
  }

  static boolean random(String value) {
    if (value.length() < 12) {
      return false;
    }
    boolean digit = value.chars().anyMatch(Character::isDigit);
    boolean upper = value.chars().anyMatch(Character::isUpperCase);
    boolean lower = value.chars().anyMatch(Character::isLowerCase);
    return (digit || (upper && lower)) && Entropy.looksRandom(value);
  }

  /** The value decoded when it is base64 of printable text, else the value itself. */
  static String decodedText(String value) {
    if (value.length() < 12 || value.length() % 4 != 0 || !value.matches("[A-Za-z0-9+/]+=*")) {
      return value;
    }
    try {
      String text = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? text : value;
    } catch (IllegalArgumentException e) {
      return value;
    }
  }
}
