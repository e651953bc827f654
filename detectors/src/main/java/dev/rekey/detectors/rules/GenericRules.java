package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.GENERIC;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.Arrays;
import java.util.List;

/**
 * Generic rules: passwords and secrets assigned in code and configuration (env, YAML, JSON,
 * properties, TOML, Terraform, compose files, Kubernetes manifests once decoded), judged by an
 * entropy model, and credentials embedded in URLs. They yield to every provider rule.
 */
final class GenericRules {
  static final String OWASP =
      "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html";

  /**
   * After a name: the rest of it, an assignment ({@code =}, {@code :}, {@code :=}, {@code =>},
   * {@code ??=}, but not the {@code ::} of a scope or method reference nor a comparison, or a comma
   * after a quoted name that opens a call, as in PHP's {@code define('DB_PASSWORD', '…')}, but not
   * a tuple's), and the value: quoted (anything but the quote and a line break, so spaces and
   * punctuation included) or bare (up to a delimiter).
   */
  static String value(int min) {
    String quoted = "[^%1$s\\r\\n]{" + min + ",300}(?=%1$s)";
    return "[A-Za-z0-9_.-]{0,32}?[\"'\\]]?[ \\t]*"
        + "(?::=|=>|\\?\\?=|=(?![=~])|:(?!:)|,(?<=\\w[ \\t]?\\([ \\t]{0,2}[\"'][\\w.-]{1,48}[\"'][ \\t]{0,2},))[ \\t]*[\"'`]?(?<secret>"
        + "(?<=\")"
        + quoted.formatted("\"")
        + "|(?<=')"
        + quoted.formatted("'")
        + "|(?<=`)"
        + quoted.formatted("`")
        + "|(?<![\"'`])[^\"'`\\s\\\\<>;,(){}\\[\\]]{"
        + min
        + ",300}(?=[\"'`\\s,;)}\\]]|\\z))";
  }

  private GenericRules() {}

  /** Names (or parts of names) that say a value is a secret: the keywords of generic.secret. */
  private static final String[] SECRET_NAMES = {
    "secret",
    "token",
    "apikey",
    "api_key",
    "api-key",
    "access_key",
    "accesskey",
    "private_key",
    "privatekey",
    "auth_key",
    "signing_key",
    "encryption_key",
    "credential"
  };

  static List<Rule> rules() {
    return List.of(secret(), credentialsUrl());
  }

  private static Rule secret() {
    return Shapes.rule(
            "generic.secret",
            GENERIC,
            "secret",
            Severity.MEDIUM,
            "High-entropy value assigned to a secret, token or key name")
        .keywords(SECRET_NAMES)
        .pattern(SecretNames.anyOf(SECRET_NAMES) + value(8))
        .prefixed(400)
        .gate(
            NameGates.assignment(
                Arrays.stream(SECRET_NAMES).mapToInt(String::length).max().orElseThrow()))
        .generic()
        .check(new AssignmentCheck(false))
        .examples(
            "JWT_SECRET=yKPFloeu5zGKGeRw4dvNAJhhcjfSIjTPuIjgp0vb",
            "\"apiKey\": \"ge9e3g9YcjXGYcq61gU9dFe1\"",
            "session_secret: '882339c7aea016643f62ff7ee8bc3bb4'")
        .counterExamples(
            "token: string;",
            "const token = process.env.API_TOKEN;",
            "csrf_token = \"f3a9c1e7b2d84f6a9e0c3b5d7f1a2e4c\"",
            "SECRET_KEY = \"django-insecure-please-change-me\"",
            "api_key = config.get('api_key')",
            "token_type: \"Bearer\"",
            ".thenComparing(SingleTokenStats::getUseCounter);",
            "session[:totp_secret] = ROTP::Base32.random",
            "token:e.tokens.length-1,end:-1",
            "const token = '%[a-f0-9]{2}';",
            "if (\"token\"===e.type||\"secret\"===e.type)return")
        .rotation(OWASP)
        .build();
  }

  /** Bytes that end a URL's user name before its {@code :}: a path, a space, a quote, a brace. */
  private static final boolean[] AUTHORITY_ENDS = new boolean[256];

  static {
    for (char c : "/ \t\n\013\f\r\"'`<>{}$".toCharArray()) {
      AUTHORITY_ENDS[c] = true;
    }
  }

  /**
   * The gate of generic.credentials-url: its pattern needs, after the {@code ://} at {@code from},
   * a user name (one to 64 bytes, or two joined by {@code @}) and then a {@code :}, none of it
   * holding a byte of {@link #AUTHORITY_ENDS} (nor a {@code :}). So the first {@code :} must come
   * after at least one byte and at most 129, with no such byte before it. Most URLs fail at their
   * first {@code /}: {@code https://registry.npmjs.org/…}, every line of a lock file.
   */
  static boolean colonInAuthority(byte[] content, int from, int to) {
    int user = from + 3;
    int end = Math.min(to, user + 64 + 1 + 64 + 1);
    for (int i = user; i < end; i++) {
      int b = content[i] & 0xff;
      if (b == ':') {
        return i > user;
      }
      if (AUTHORITY_ENDS[b]) {
        return false;
      }
    }
    return false;
  }

  private static Rule credentialsUrl() {
    return Shapes.rule(
            "generic.credentials-url",
            GENERIC,
            "credentials-url",
            Severity.HIGH,
            "User name and password embedded in a URL")
        .keywords("://")
        .pattern(
            "://(?<secret>[^:@/\\s\"'`<>{}$]{1,64}(?:@[^:@/\\s\"'`<>{}$]{1,64})?"
                + ":[^/\\s\"'`<>{}]{3,128})@[A-Za-z0-9.-]{1,253}")
        .prefixed(460)
        .gate(GenericRules::colonInAuthority)
        .generic()
        .check(new UrlCredentialCheck())
        .examples(
            "git clone https://deploy:Zq8vN2xLp4Rt@git.acme-corp.net/shop.git",
            "proxy = http://svc:h7Kp2QwZ9@proxy.corp.net:3128",
            "https://ada.lovelace@acme-corp.net:Gh7Lq2Vx9Kp4@git.acme-corp.net\n")
        .counterExamples(
            "https://user:password@example.com/",
            "curl -x http://login-on-proxy:passwd-on-proxy@proxy.local.net:8080",
            "http://user:passw@rd@host/",
            "re.compile(r'https?://([^:]+):([^@]+)@(.+)')",
            "http://u%00ser:p%01Z9x@acme-corp.net/",
            "https://user:${TOKEN}@github.com/org/repo.git",
            "http://localhost:8080/app")
        .rotation(OWASP)
        .build();
  }
}
