package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PASSWORD_HASH;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Password hashes in the formats of {@code /etc/shadow}, {@code .htpasswd} and application user
 * tables: bcrypt, the crypt(3) family (MD5, SHA-256, SHA-512, yescrypt), Apache's APR1 and {@code
 * {SHA}}, and Argon2. A hash is not the password, but it can be cracked offline, the weaker the
 * password the faster: low severity.
 */
final class PasswordHashRules {
  private static final String SALTED = "[./0-9A-Za-z]";

  /** Rules that would read a hash where a password goes ({@code password $6$…}) as a password. */
  private static final String[] HASHED_PASSWORDS = {
    "generic.password",
    "generic.password-directive",
    "generic.password-xml",
    "generic.password-argument",
    "netrc.password",
    "postgres.pgpass",
    "browser.password-export"
  };

  private PasswordHashRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "password-hash.crypt",
                PASSWORD_HASH,
                "password-hash",
                Severity.LOW,
                "Password hash (bcrypt, crypt, APR1, Argon2): crackable offline")
            .keywords(
                "$2a$", "$2b$", "$2x$", "$2y$", "$apr1$", "$1$", "$5$", "$6$", "$y$", "$argon2")
            .pattern(
                "(?<![A-Za-z0-9$])(?<secret>\\$2[abxy]\\$\\d\\d\\$"
                    + SALTED
                    + "{53}"
                    + "|\\$(?:1|apr1)\\$"
                    + SALTED
                    + "{1,8}\\$"
                    + SALTED
                    + "{22}"
                    + "|\\$5\\$(?:rounds=\\d{1,9}\\$)?"
                    + SALTED
                    + "{1,16}\\$"
                    + SALTED
                    + "{43}"
                    + "|\\$6\\$(?:rounds=\\d{1,9}\\$)?"
                    + SALTED
                    + "{1,16}\\$"
                    + SALTED
                    + "{86}"
                    + "|\\$y\\$"
                    + SALTED
                    + "{1,32}\\$"
                    + SALTED
                    + "{1,86}\\$"
                    + SALTED
                    + "{43}"
                    + "|\\$argon2(?:id|i|d)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]{11,}"
                    + "\\$[A-Za-z0-9+/]{16,})(?![./0-9A-Za-z])")
            .prefixed(260)
            .supersedes(HASHED_PASSWORDS)
            .examples(
                "admin:$apr1$Lq2xZt9v$MoDKdkmMdvw9w5AVl0xQa/\n",
                "root:$6$Vd8kQ2pL$2n0gsBCvIHU85WJcfkgGX47G42he/7Q2oZMVpKkDfoMF6GkTjaRhD1UpnHFJviOOOmVRru8RQAtazaLcbLrx4/:19700:0:99999:7:::\n",
                "'password' => '$2y$10$QmZ8v1Xk3Lp9Rt2Wn5Bc7eoEnJ4SDJlrmq47GoDlgjuwNF6ms27BS',")
            .counterExamples("s/(\\w+)/$1$2/g", "$2y$10$...")
            .rotation(
                "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html")
            .build(),
        Shapes.rule(
                "password-hash.htpasswd-sha",
                PASSWORD_HASH,
                "password-hash",
                Severity.LOW,
                "Unsalted SHA-1 password hash of an .htpasswd file: crackable offline")
            .keywords("{sha}")
            .pattern("(?<=:)(?<secret>\\{SHA\\}[A-Za-z0-9+/]{27}=)")
            .window(1, 40)
            .examples("deploy:{SHA}oDTOq8g0gkVStaI6/aPyr13+QqU=\n")
            .counterExamples("{SHA}base64-of-the-hash")
            .rotation("https://httpd.apache.org/docs/current/misc/password_encryptions.html")
            .build());
  }
}
