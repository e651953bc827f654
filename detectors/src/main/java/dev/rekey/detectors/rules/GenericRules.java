package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.GENERIC;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Generic rules: passwords and secrets assigned in code and configuration (env, YAML, JSON,
 * properties, TOML, Terraform, compose files, Kubernetes manifests once decoded), judged by an
 * entropy model, and credentials embedded in URLs. They yield to every provider rule.
 */
final class GenericRules {
  /** After a name, the assignment and the value, quoted or bare, ending at a delimiter. */
  private static final String VALUE =
      "[A-Za-z0-9_.-]{0,32}?[\"'\\]]?[ \\t]*(?::=|=>|\\?\\?=|=|:)[ \\t]*[\"'`]?"
          + "(?<secret>[^\"'`\\s\\\\<>;,(){}\\[\\]]{8,300})(?=[\"'`\\s,;)}\\]]|\\z)";

  private static final String OWASP =
      "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html";

  private GenericRules() {}

  /**
   * Any of {@code words} where a name may hold it: at a word start in any case ({@code
   * DB_PASSWORD}, {@code password}), or capitalised inside a camel-case name ({@code dbPassword});
   * not in the middle of a base64 blob.
   */
  private static String name(String... words) {
    StringBuilder out = new StringBuilder("(?:(?<![A-Za-z0-9])(?i:");
    out.append(String.join("|", words)).append(")");
    for (String word : words) {
      out.append("|(?<=[a-z0-9])")
          .append(Character.toUpperCase(word.charAt(0)))
          .append("(?i:")
          .append(java.util.regex.Pattern.quote(word.substring(1)))
          .append(")");
    }
    return out.append(")").toString();
  }

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
    return List.of(secret(), password(), credentialsUrl());
  }

  private static Rule secret() {
    return Shapes.rule(
            "generic.secret",
            GENERIC,
            "secret",
            Severity.MEDIUM,
            "High-entropy value assigned to a secret, token or key name")
        .keywords(SECRET_NAMES)
        .pattern(name(SECRET_NAMES) + VALUE)
        .prefixed(400)
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
            "token_type: \"Bearer\"")
        .rotation(OWASP)
        .build();
  }

  private static Rule password() {
    return Shapes.rule(
            "generic.password",
            GENERIC,
            "password",
            Severity.MEDIUM,
            "Password assigned in code or configuration")
        .keywords("password", "passwd", "passphrase", "pwd")
        .pattern(name("password", "passwd", "passphrase", "pwd") + VALUE)
        .prefixed(400)
        .generic()
        .check(new AssignmentCheck(true))
        .examples(
            "DB_PASSWORD=Vx7#pL2q!Rt9",
            "spring.datasource.password=Tr0ub4dor&3x",
            "  password: \"k9$Ww2!bZq\"")
        .counterExamples(
            "password: ${DB_PASSWORD}",
            "password = \"password123\"",
            "<input type=\"password\" name=\"pwd\">",
            "PASSWORD_MIN_LENGTH=12",
            "password: changeme",
            "password = getpass.getpass()")
        .rotation(OWASP)
        .build();
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
            "://(?<secret>[^:@/\\s\"'`<>{}$]{1,64}:[^@/\\s\"'`<>{}]{3,128})@[A-Za-z0-9.-]{1,253}")
        .prefixed(460)
        .generic()
        .check(new CredentialPairCheck())
        .examples(
            "git clone https://deploy:Zq8vN2xLp4Rt@git.acme-corp.net/shop.git",
            "proxy = http://svc:h7Kp2QwZ9@proxy.corp.net:3128")
        .counterExamples(
            "https://user:password@example.com/",
            "https://user:${TOKEN}@github.com/org/repo.git",
            "http://localhost:8080/app")
        .rotation(OWASP)
        .build();
  }
}
