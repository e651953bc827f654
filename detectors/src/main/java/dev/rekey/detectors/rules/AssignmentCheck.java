package dev.rekey.detectors.rules;

import dev.rekey.detectors.ByteText;
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
 * {@code public_key}, {@code csrf_token}, …), values that are references rather than secrets
 * ({@code process.env.X}, {@code ${VAR}}, member access, constants, paths), and values whose
 * entropy is well below that of random text in their alphabet. Base64 of text is judged decoded.
 */
final class AssignmentCheck implements Check {
  private static final List<String> NOT_SECRET_NAMES =
      List.of(
          "uuid",
          "name",
          "type",
          "path",
          "file",
          "dir",
          "header",
          "length",
          "count",
          "size",
          "expir",
          "ttl",
          "timeout",
          "prefix",
          "endpoint",
          "format",
          "field",
          "param",
          "version",
          "hash",
          "checksum",
          "integrity",
          "sha",
          "digest",
          "label",
          "description",
          "regex",
          "pattern",
          "policy",
          "scope",
          "provider",
          "url",
          "uri",
          "host",
          "region",
          "mode",
          "method",
          "algorithm",
          "usage",
          "limit",
          "rotation",
          "_ref",
          "location",
          "storage",
          "validator",
          "hint",
          "input",
          "reset",
          "confirm",
          "placement");

  /** Names that never hold a secret, wherever the word occurs in them. */
  private static final List<String> NEVER_SECRET =
      List.of(
          "public",
          "publishable",
          "csrf",
          "xsrf",
          "nonce",
          "max_tokens",
          "maxtokens",
          "tokenizer",
          "page_token",
          "pagetoken",
          "next_token",
          "nexttoken",
          "placeholder",
          "example",
          "sample",
          "template",
          "cursor");

  /** The words that make a name secret-sounding; what follows the last one decides. */
  private static final List<String> SECRET_WORDS =
      List.of("password", "passwd", "pwd", "passphrase", "secret", "token", "key", "credential");

  private static final List<String> NOT_SECRET_SUFFIXES = List.of("id", "ids", "_id", "key_id");
  private static final List<String> WEAK_PASSWORDS =
      List.of(
          "password",
          "passw0rd",
          "secret",
          "changeme",
          "admin",
          "example",
          "test",
          "demo",
          "sample",
          "dummy",
          "default",
          "qwerty",
          "letmein",
          "welcome",
          "hunter2",
          "123456",
          "local",
          "pass1234");
  private static final Pattern REFERENCE =
      Pattern.compile(
          "[$%{<@!#&*].*|.*(?:process\\.env|os\\.environ|getenv|env\\(|secrets\\.|vault:|arn:aws"
              + "|://|\\.\\./).*|[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*|\\[[^\\]]*\\]|\\(\\))+"
              + "|[A-Z][A-Z0-9_]*|[a-z]+(?:[-_.][a-z]+)+|[a-z]+(?:[A-Z][a-z]+)+|sha\\d+-.*"
              + "|.*\\.(?:json|pem|key|txt|ya?ml|env|p12|crt|js|ts|py)|true|false|null|none|undefined"
              + "|[0-9.]+|/.*");
  private static final Pattern UUID = Pattern.compile(Shapes.UUID);

  private final boolean password;

  /** A check for passwords (human-chosen) or for random secrets. */
  AssignmentCheck(boolean password) {
    this.password = password;
  }

  @Override
  public Verdict judge(Candidate candidate) {
    String name = nameBefore(candidate.text(), candidate.start()).toLowerCase(Locale.ROOT);
    if (notSecretName(name)) {
      return Verdict.reject("name does not hold a secret");
    }
    String value = candidate.secret();
    if (REFERENCE.matcher(value).matches()) {
      return Verdict.reject("a reference, not a value");
    }
    String judged = decodedText(value);
    boolean strong = password ? strongPassword(judged) : random(judged);
    if (!strong) {
      return Verdict.reject("does not look random enough");
    }
    Severity severity = UUID.matcher(value).matches() ? Severity.LOW : candidate.rule().severity();
    return Verdict.accept(severity, Map.of("generic.name", name));
  }

  private static boolean notSecretName(String name) {
    for (String suffix : NOT_SECRET_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    if (NEVER_SECRET.stream().anyMatch(name::contains)) {
      return true;
    }
    int last = -1;
    for (String word : SECRET_WORDS) {
      int at = name.lastIndexOf(word);
      if (at >= 0) {
        last = Math.max(last, at + word.length());
      }
    }
    // DB_HOST_PASSWORD is a password; PASSWORD_HOST is a host name.
    String tail = last < 0 ? name : name.substring(last);
    return NOT_SECRET_NAMES.stream().anyMatch(tail::contains);
  }

  private static boolean random(String value) {
    if (value.length() < 12) {
      return false;
    }
    boolean digit = value.chars().anyMatch(Character::isDigit);
    boolean upper = value.chars().anyMatch(Character::isUpperCase);
    boolean lower = value.chars().anyMatch(Character::isLowerCase);
    return (digit || (upper && lower)) && Entropy.looksRandom(value);
  }

  private static boolean strongPassword(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (value.length() < 8 || WEAK_PASSWORDS.stream().anyMatch(lower::contains)) {
      return false;
    }
    int classes = 0;
    classes += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    return classes >= 3 || (classes >= 2 && value.length() >= 12 && random(value));
  }

  /** The value decoded when it is base64 of printable text, else the value itself. */
  private static String decodedText(String value) {
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

  /** The name assigned to: the identifier before the operator preceding {@code start}. */
  static String nameBefore(ByteText text, int start) {
    int i = start;
    int limit = Math.max(0, start - 80);
    while (i > limit && " \t\"'`=:>,]?".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    int end = i;
    while (i > limit && nameChar(text.charAt(i - 1))) {
      i--;
    }
    return text.subSequence(i, end).toString();
  }

  private static boolean nameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
