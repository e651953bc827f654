package dev.rekey.detectors.rules;

import dev.rekey.detectors.Entropy;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a literal password reads: a placeholder that holds no password at all, a weak password (a
 * real one, and the weaker the worse), or one that is not obviously weak. Placeholders are judged
 * on the whole value ({@code changeme}, {@code <password>}, {@code ${DB_PASS}}, {@code xxxx},
 * {@code your-password-here}), never on a part of it: {@code admin2024!} holds {@code admin} and is
 * a weak password, not a placeholder.
 */
enum PasswordGrade {
  PLACEHOLDER,
  WEAK,
  STRONG;

  /** Template and filler shapes, matched against the whole value. */
  private static final Pattern TEMPLATE =
      Pattern.compile(
          "<.*>|\\[[^\\]]*\\]|\\{.*\\}|\\(.*\\)|.*\\$\\{.*|.*\\{\\{.*|.*\\}\\}.*|.*\\$\\(.*"
              + "|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|.*%\\(\\w+\\)[sd].*|%[sdv]"
              + "|#\\{.*\\}|@[A-Za-z0-9_.-]+@|__[A-Za-z0-9_]+__|:[a-z_]+"
              + "|\\$[A-Za-z_]\\w*(?:/.*)?|\\$[A-Z_][A-Z0-9_]*\\b.*"
              + "|[xX*.#?_…-]+|(?i:x{3,}.*|.*x{4,}.*)|0+",
          Pattern.DOTALL);

  /** Whole values that say a password goes here. */
  private static final Set<String> FILLER =
      Set.of(
          ("changeme change_me change-me changeit changethis change_this change-this replaceme"
                  + " replace_me replace-me none null nil empty undefined todo tbd fixme redacted removed"
                  + " hidden masked omitted placeholder dummy fake example sample notset not_set unset n/a"
                  + " na secret_here password_here passwordhere required optional string str text value foo"
                  + " bar baz foobar")
              .split(" "));

  /**
   * Words that make a multi-word value a description of a password rather than one, in English and
   * in the languages of translated labels ({@code Passwort-Wiederholung}).
   */
  private static final Set<String> DESCRIPTIVE =
      Set.of(
          ("password passwd pass pwd passphrase secret token key apikey credential credentials"
                  + " login user username your here change replace insert enter put example placeholder"
                  + " dummy fake sample redacted goes some the on for of to with not real actual generated"
                  + " random strong db database app api service test dev local default my own new old proxy"
                  + " server host admin root account passwort kennwort wachtwoord contrasena senha parola"
                  + " heslo haslo losenord salasana adgangskode passord jelszo")
              .split(" "));

  /**
   * Passwords everyone tries first: a value equal to one (ignoring trailing digits and marks), or
   * holding one of five letters or more, is weak.
   */
  private static final Set<String> COMMON =
      Set.of(
          ("password passw0rd p@ssw0rd p@ssword pa55word pass passwd pwd admin administrator root"
                  + " toor secret test testing guest user demo default qwerty qwertyuiop asdf asdfgh letmein"
                  + " welcome hunter monkey dragon master login abc iloveyou trustno sunshine princess"
                  + " football baseball shadow superman postgres mysql oracle mongo redis rabbitmq sa"
                  + " manager tomcat jenkins ubuntu debian raspberry vagrant docker changeme mypassword"
                  + " mysecret supersecret topsecret secretpassword dbpass dbpassword development dev local"
                  + " pa$$word passpass foobar abcd qwer")
              .split(" "));

  /**
   * Field names, written where their value goes ({@code USER:PASSWORD}, {@code password =
   * "password"}): a template's slot; or translated ({@code Password=Contraseña}): a label.
   */
  private static final Set<String> FIELDS =
      Set.of(
          ("password passwd pass pwd secret token key apikey value passwort kennwort wachtwoord"
                  + " contraseña contrasena senha parola heslo hasło haslo lösenord losenord salasana"
                  + " adgangskode passord jelszó jelszo slaptažodis parole")
              .split(" "));

  /** Words joined by separators: {@code passwd-on-proxy}, {@code my_db_password}. */
  private static final Pattern WORDS = Pattern.compile("[A-Za-z]+(?:[-_ .][A-Za-z]+)+");

  /** Words in camel case: {@code yourPassword}, {@code PasswordHere}. */
  private static final Pattern CAMEL_WORDS = Pattern.compile("(?:[A-Z]?[a-z]+){2,4}");

  /** The grade of the literal {@code value} (already unquoted and decoded). */
  static PasswordGrade of(String value) {
    String trimmed = value.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (trimmed.isEmpty()
        || TEMPLATE.matcher(trimmed).matches()
        || FILLER.contains(lower)
        || lower.startsWith("your")
        || FIELDS.contains(lower)
        || describes(trimmed)) {
      return PLACEHOLDER;
    }
    return weak(trimmed, lower) ? WEAK : STRONG;
  }

  /** Whether several words, one of which names or describes a password, make up the value. */
  private static boolean describes(String value) {
    if (WORDS.matcher(value).matches()) {
      return List.of(value.toLowerCase(Locale.ROOT).split("[-_ .]")).stream()
          .anyMatch(DESCRIPTIVE::contains);
    }
    if (CAMEL_WORDS.matcher(value).matches() && !value.equals(value.toLowerCase(Locale.ROOT))) {
      return List.of(value.split("(?=[A-Z])")).stream()
          .map(w -> w.toLowerCase(Locale.ROOT))
          .filter(w -> !w.isEmpty())
          .anyMatch(w -> DESCRIPTIVE.contains(w) && !w.equals("my"));
    }
    return false;
  }

  private static boolean weak(String value, String lower) {
    String stem = lower.replaceAll("[0-9!@#$%^&*._-]+$", "");
    if (value.length() < 8 || COMMON.contains(stem) || COMMON.contains(unleet(stem))) {
      return true;
    }
    if (value.chars().allMatch(Character::isDigit) || sequence(lower)) {
      return true;
    }
    String plain = unleet(lower);
    if (COMMON.stream().anyMatch(word -> word.length() >= 5 && plain.contains(word))) {
      return true; // alicespassword, admin2024!, Welcome#1
    }
    int classes = classes(value);
    int randomAt = classes == 1 ? 16 : 12;
    return classes < 3 && !(value.length() >= randomAt && Entropy.looksRandom(value));
  }

  /** {@code p@ssw0rd} read as {@code password}. */
  private static String unleet(String lower) {
    return lower
        .replace('0', 'o')
        .replace('@', 'a')
        .replace('$', 's')
        .replace('1', 'i')
        .replace('3', 'e')
        .replace('5', 's')
        .replace('4', 'a');
  }

  /** Character classes present: digits, upper case, lower case, others. */
  static int classes(String value) {
    int classes = value.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return classes;
  }

  /** Whether the value is one character repeated, or counts up or down ({@code abcdefgh}). */
  private static boolean sequence(String lower) {
    int up = 0;
    int down = 0;
    int same = 0;
    for (int i = 1; i < lower.length(); i++) {
      int delta = lower.charAt(i) - lower.charAt(i - 1);
      up += delta == 1 ? 1 : 0;
      down += delta == -1 ? 1 : 0;
      same += delta == 0 ? 1 : 0;
    }
    int steps = lower.length() - 1;
    return up == steps || down == steps || same == steps;
  }
}
