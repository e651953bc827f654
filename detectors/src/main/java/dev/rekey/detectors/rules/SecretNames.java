package dev.rekey.detectors.rules;

import dev.rekey.detectors.ByteText;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names that hold secrets: the regular expressions that find them where a name may hold one ({@code
 * DB_PASSWORD}, {@code dbPassword}, {@code dbpasswd}, {@code SMTP_PASS}, {@code "pass":}), and the
 * judgement of the whole name once found ({@code password_hash} and {@code tokenService} hold no
 * secret; {@code compass} is not a password).
 */
final class SecretNames {
  /**
   * A password word where a name may hold it: at a word start in any case, capitalised inside a
   * camel-case name, or at the end of a lower- or upper-case compound ({@code smtppass}). The bare
   * {@code pass} counts only as a whole word, not as the start of {@code passenger}.
   */
  static final String PASSWORD =
      "(?:(?<![A-Za-z0-9])(?i:password|passwd|passphrase|pwd(?![a-z])|pass(?![A-Za-z]))"
          + "|(?<=[a-z0-9])(?:Password|Passwd|Passphrase|Pwd(?![a-z])|Pass(?![a-z]))"
          + "|(?<=[a-z])(?:password|passwd|passphrase|pwd(?![a-z])|pass(?![a-z]))"
          + "|(?<=[A-Z])(?:PASSWORD|PASSWD|PASSPHRASE|PWD(?![A-Z])|PASS(?![A-Z])))";

  /** Names, ignoring case, that never hold a secret wherever the word occurs in them. */
  private static final List<String> NEVER_SECRET =
      List.of(
          ("public publishable csrf xsrf nonce max_tokens maxtokens maxoutputtokens tokenizer"
                  + " page_token pagetoken next_token nexttoken placeholder example sample template cursor"
                  + " forgot tokens_ _tokens num_tokens numtokens token_count tokencount passthrough"
                  + " pass_through bypass compass surpass overpass underpass trespass passenger passport"
                  + " passive secretary askpass")
              .split(" "));

  /** What, after the last secret word of a name, says the name holds something else. */
  private static final List<String> NOT_SECRET_TAILS =
      List.of(
          ("uuid name type path file dir header length count size expir ttl timeout prefix"
                  + " endpoint format field param version hash checksum integrity sha digest label"
                  + " description regex pattern policy scope provider url uri host region mode method"
                  + " algorithm usage limit rotation _ref location storage validator hint input reset"
                  + " confirm placement service manager store repository factory handler builder resolver"
                  + " parser generator getter setter callback listener strategy module controller guard"
                  + " interceptor middleware request response error exception status state event changed"
                  + " updated created lifetime duration strength rule check verif valid required enabled"
                  + " disabled visib toggle show icon button dialog modal form page screen route link text"
                  + " message msg title tooltip authentication prompt env var command cmd source flag http")
              .split(" "));

  /** The words that make a name secret-sounding; what follows the last one decides. */
  private static final List<String> SECRET_WORDS =
      List.of(
          ("password passwd pwd passphrase pass secret token key credential salt auth").split(" "));

  private static final List<String> NOT_SECRET_SUFFIXES = List.of("id", "ids", "_id", "key_id");

  /** Names of values that are never literal secrets in themselves (a key store's path, …). */
  private static final Set<String> CONSTANT_WORDS = Set.of("password", "secret", "token", "key");

  private static final Pattern DECLARATION =
      Pattern.compile(
          ".*\\b(?:const|let|var|val|final|private|public|protected|static|readonly|def|func|fn"
              + "|String|string|str|int|bool|boolean)\\s+[\\w.$-]*$");

  private SecretNames() {}

  /**
   * Any of {@code words} where a name may hold it: at a word start in any case ({@code DB_SECRET},
   * {@code secret}), capitalised inside a camel-case name ({@code clientSecret}), or ending a
   * lower-case compound ({@code clientsecret}); not in the middle of a base64 blob.
   */
  static String anyOf(String... words) {
    StringBuilder out = new StringBuilder("(?:(?<![A-Za-z0-9])(?i:");
    out.append(String.join("|", words)).append(")");
    for (String word : words) {
      out.append("|(?<=[a-z0-9])")
          .append(Character.toUpperCase(word.charAt(0)))
          .append("(?i:")
          .append(Pattern.quote(word.substring(1)))
          .append(")");
    }
    out.append("|(?<=[a-z])(?:").append(String.join("|", words)).append(")");
    return out.append(")").toString();
  }

  /** Whether the (lower-case) {@code name} holds something other than a secret. */
  static boolean notSecret(String name) {
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
    return NOT_SECRET_TAILS.stream().anyMatch(tail::contains);
  }

  /** Whether {@code value} just names a secret ({@code password = password}): a variable. */
  static boolean namesSecret(String value, String name) {
    String lower = value.toLowerCase(Locale.ROOT);
    return CONSTANT_WORDS.contains(lower) || lower.equals(name);
  }

  /** Whether the text of the line before the name declares it in code ({@code const x =}). */
  static boolean declared(ByteText text, int nameStart) {
    int from = nameStart;
    while (from > 0 && nameStart - from < 120 && text.charAt(from - 1) != '\n') {
      from--;
    }
    return DECLARATION.matcher(text.subSequence(from, nameStart)).matches();
  }

  /** The name assigned to: the identifier before the operator preceding {@code start}. */
  static String nameBefore(ByteText text, int start) {
    int end = nameEnd(text, start);
    int i = end;
    int limit = Math.max(0, start - 80);
    while (i > limit && nameChar(text.charAt(i - 1))) {
      i--;
    }
    return text.subSequence(i, end).toString();
  }

  /** Where the name before the operator preceding {@code start} ends. */
  static int nameEnd(ByteText text, int start) {
    int i = start;
    int limit = Math.max(0, start - 80);
    while (i > limit && " \t\"'`=:>,]?".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    return i;
  }

  private static boolean nameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
