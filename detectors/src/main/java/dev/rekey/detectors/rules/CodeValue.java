package dev.rekey.detectors.rules;

import dev.rekey.detectors.ByteText;
import dev.rekey.detectors.Candidate;
import java.util.regex.Pattern;

/**
 * Tells code from a literal on the right of a secret-sounding name: a value that reads as an
 * identifier, a call, a member access, a type, an environment lookup or a path is a reference to a
 * secret, not one. A quoted value is a literal unless it names a place ({@code "vault:…"}, {@code
 * "/etc/…"}, {@code "auth.password"}); an unquoted one is code when it has the shape of an
 * expression, or when it is a bare identifier in a line of code.
 */
final class CodeValue {
  /**
   * Values that point at a secret kept elsewhere, quoted or not, or say what it must be (a
   * validation rule such as {@code required|min:8}, a package spec such as {@code npm:^7.0.4} or
   * {@code ^5.0.0}, a route's {@code controller#action}, the gap between two PHP strings joined to
   * a variable ({@code '--password='.$x['password']}), a regular expression such as {@code
   * %[a-f0-9]{2}}).
   */
  private static final Pattern ELSEWHERE =
      Pattern.compile(
          ".*(?:process\\.env|os\\.environ|getenv|env\\(|secrets\\.|vault:|arn:aws|://|\\.\\./).*"
              + "|.*\\.(?:json|pem|key|txt|ya?ml|env|p12|pfx|jks|crt|js|ts|py)|/[\\w./${}-]*|//.*"
              + "|[a-z]+(?:\\.[a-z_]+)+|[a-z_]+(?::[^|]*)?(?:\\|[a-z_]+(?::[^|]*)?)+"
              + "|(?:npm|workspace|file|link|patch|portal):.*|\\. ?\\$.*"
              + "|[a-z_/]+#[a-z_]+|[~^<>=]{0,2}v?\\d+(?:\\.(?:\\d+|x|\\*)){1,3}(?:-[\\w.]+)?"
              + "|.*\\[[^\\]]*\\w-\\w[^\\]]*\\].*|.*\\{\\d+(?:,\\d*)?\\}.*|.*\\\\[dwsDWSbB].*");

  /**
   * Unquoted values shaped like code: member access (and arithmetic on it), scope resolution
   * ({@code Broker::INVALID_USER}), calls, constants, compounds, types.
   */
  private static final Pattern EXPRESSION =
      Pattern.compile(
          "[$%{<@!#&*].*|[A-Za-z_$][\\w$]*(?:(?:\\.|::)[A-Za-z_$][\\w$]*|\\[[^\\]]*\\]|\\(\\))+"
              + "(?:[-+*/%][\\w.]+)*"
              + "|[A-Z][A-Z0-9_]*|[a-z]+(?:[-_.][a-z]+)+|[a-z]+(?:[A-Z][a-z]+)+"
              + "|[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+|sha\\d+-.*|true|false|null|nil|none|undefined"
              + "|[0-9.]+(?:ms|s|m|h|d|px|em|kb|mb|gb)?|[0-9.]+e[0-9]+|yes|no|on|off");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

  /** Characters after an unquoted identifier that make it part of an expression or a list. */
  private static final String CODE_AFTER = ";,)}]([.?|&+*/<>=";

  private CodeValue() {}

  /**
   * Whether the candidate's value, assigned to {@code name} (lower case), is code. {@code
   * numbersAreLiterals} keeps digit-only values (a PIN-like password) as literals.
   */
  static boolean isCode(Candidate candidate, String name, boolean numbersAreLiterals) {
    String value = candidate.secret();
    if (ELSEWHERE.matcher(value).matches()) {
      return true;
    }
    ByteText text = candidate.text();
    if (quoted(text, candidate.start(), candidate.end())) {
      return concatenated(text, candidate.end() + 1);
    }
    if (numbersAreLiterals && value.chars().allMatch(Character::isDigit)) {
      return false;
    }
    if (EXPRESSION.matcher(value).matches()) {
      return true;
    }
    return IDENTIFIER.matcher(value).matches() && identifierInCode(candidate, name);
  }

  /**
   * Whether an unquoted value is a word in a sentence ({@code password: sent instead of …}): more
   * words follow it on its line, where a configuration value ends or a comment starts.
   */
  static boolean inSentence(Candidate candidate) {
    ByteText text = candidate.text();
    int end = candidate.end();
    if (quoted(text, candidate.start(), end)) {
      return false;
    }
    int next = end;
    while (next < text.length() && text.charAt(next) == ' ') {
      next++;
    }
    return next > end && next < text.length() && Character.isLetter(text.charAt(next));
  }

  /** Whether the value at {@code [start, end)} is a quoted string literal. */
  static boolean quoted(ByteText text, int start, int end) {
    if (start == 0 || end >= text.length()) {
      return false;
    }
    char open = text.charAt(start - 1);
    return (open == '"' || open == '\'' || open == '`') && text.charAt(end) == open;
  }

  /**
   * Whether a string literal ending before {@code at} is joined to more of an expression ({@code
   * '--password='.$connection['password']}, {@code "Bearer " + token}): a part, not the value.
   */
  private static boolean concatenated(ByteText text, int at) {
    int next = at;
    while (next < text.length() && text.charAt(next) == ' ') {
      next++;
    }
    if (next >= text.length()) {
      return false;
    }
    char op = text.charAt(next);
    if (op == '+') {
      return true;
    }
    if (op != '.' || next + 1 >= text.length()) {
      return false;
    }
    char operand = text.charAt(next + 1);
    return operand == '$' || operand == ' ' || operand == '\'' || operand == '"';
  }

  private static boolean identifierInCode(Candidate candidate, String name) {
    ByteText text = candidate.text();
    if (SecretNames.namesSecret(candidate.secret(), name)) {
      return true;
    }
    int nameEnd = SecretNames.nameEnd(text, candidate.start());
    if (nameEnd < text.length() && (text.charAt(nameEnd) == '"' || text.charAt(nameEnd) == '\'')) {
      return true; // "X-Api-Key": credentials — an object literal, not YAML
    }
    if (SecretNames.declared(text, nameEnd - name.length())) {
      return true;
    }
    int after = candidate.end();
    while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
      after++;
    }
    return after < text.length() && CODE_AFTER.indexOf(text.charAt(after)) >= 0;
  }
}
