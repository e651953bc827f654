package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.GENERIC;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Literal passwords in the syntaxes that carry them: assignments in code and configuration ({@code
 * DB_PASSWORD=…}, {@code "pass": "…"}, {@code define('DB_PASSWORD', '…')}), space-separated
 * directives ({@code password …} in {@code .esmtprc}, {@code requirepass …} in {@code redis.conf}),
 * XML elements and option attributes ({@code <Pass>…</Pass>}, FileZilla's base64 {@code <Pass
 * encoding="base64">}, {@code <option name="password" value="…"/>}), and a password passed to a
 * login call ({@code smtp.login(user, '…')}). A weak password is reported at low severity; a
 * placeholder is not reported. They yield to every provider rule.
 */
final class PasswordRules {
  private static final String DIRECTIVE_NAME =
      "(?:pass(?:word|wd|phrase)?|pwd|requirepass|masterauth)";

  private PasswordRules() {}

  static List<Rule> rules() {
    return List.of(assignment(), directive(), xml(), argument());
  }

  private static Rule.Builder password(String id, String description) {
    return Shapes.rule(id, GENERIC, "password", Severity.MEDIUM, description)
        .generic()
        .rotation(GenericRules.OWASP);
  }

  private static Rule assignment() {
    return password("generic.password", "Password assigned in code or configuration")
        .keywords("pass", "pwd")
        .pattern(SecretNames.PASSWORD + GenericRules.value(4))
        .prefixed(400)
        .gate(NameGates.assignment("passphrase".length()))
        .check(new AssignmentCheck(true))
        .examples(
            "DB_PASSWORD=Vx7#pL2q!Rt9",
            "spring.datasource.password=Tr0ub4dor&3x",
            "  password: \"k9$Ww2!bZq\"",
            "SMTP_PASS=Hx8vQ2pLw7",
            "{\"pass\": \"Qw7!zLp2Rv\"}",
            "dbpasswd = 'mB4#tYq8Lz'",
            "adminpassword: hunter2",
            "define('DB_PASSWORD', 'c7Q!x(9)z;W2 k');",
            "password = \"password123\"")
        .counterExamples(
            "password: ${DB_PASSWORD}",
            "<input type=\"password\" name=\"pwd\">",
            "PASSWORD_MIN_LENGTH=12",
            "password: changeme",
            "password = getpass.getpass()",
            "private passwordService: PasswordService;",
            "\"password\": \"Mot de passe oublié ?\"",
            "compass = 'north-north-west'",
            "'password' => 'required|string|min:8|confirmed',",
            "{\"rule\": \"generic.password\", \"severity\": \"medium\"}",
            "* @param password the password: sent instead of the password",
            "password: your-password-here",
            "('PWD', 'PWD (Sherwood, Montana, US)'),",
            "Confirm\\ password=Passwort-Wiederholung",
            "  minipass: \"npm:^7.0.4\"",
            "'password' => '--password='.$connection['password'],",
            "const InvalidUser = PasswordBroker::INVALID_USER;",
            "Password=Contraseña",
            "login.Password=パスワード",
            "    \"minipass\": \"^5.0.0\",",
            "return\"url\"===e.type||\"password\"===e.type)||\"textarea\"===t")
        .build();
  }

  private static Rule directive() {
    return password(
            "generic.password-directive", "Password in a space-separated configuration directive")
        .keywords("pass", "pwd", "masterauth")
        .pattern(
            "(?<=(?m:^)[ \\t]{0,16}[A-Za-z_.-]{0,24})(?i:"
                + DIRECTIVE_NAME
                + ")[A-Za-z_]{0,16}[ \\t]+[\"']?(?<secret>(?<=\")[^\"\\r\\n]{1,300}(?=\")"
                + "|(?<=')[^'\\r\\n]{1,300}(?=')|(?<![\"'])[^\\s\"']{1,300})[\"']?[ \\t]*\\r?$")
        .prefixed(360)
        .gate(NameGates.directive("requirepass".length()))
        .check(new DirectiveCheck())
        .examples(
            "hostname smtp.acme-corp.net:587\nusername \"ada\"\npassword \"Zt7!pQ2wLx\"\n",
            "requirepass Hq9zL2vX7pR4\n",
            "  password k2V9xq7LpZ\n")
        .counterExamples(
            "PasswordAuthentication no\n", "Password protected\n", "password ${SMTP_PASSWORD}\n")
        .build();
  }

  private static Rule xml() {
    return password("generic.password-xml", "Password in an XML element or option")
        .keywords(
            "pass>",
            "pwd>",
            "passwd>",
            "password>",
            "passphrase>",
            "pass\" value=",
            "pwd\" value=",
            "passwd\" value=",
            "password\" value=")
        .pattern(
            "(?:<(?<tag>[A-Za-z_:-]{0,32}(?i:pass(?:word|wd|phrase)?|pwd))(?:\\s[^<>]{0,120})?>"
                + "|(?:name|key)=\"(?i:[A-Za-z_.-]{0,32}(?:pass(?:word|wd|phrase)?|pwd))\"\\s+"
                + "value=\")(?<secret>[^<>\"\\r\\n]{1,300})"
                + "(?:</\\k<tag>>|(?<=value=\"[^\"\\r\\n]{1,300})\")")
        .window(460, 340)
        .check(new XmlPasswordCheck())
        .examples(
            "<Server><Host>ftp.acme-corp.net</Host><User>ada</User>"
                + "<Pass encoding=\"base64\">S3c3clRtOVpxIXc=</Pass></Server>",
            "<password>Lq8#vZ2xRt</password>",
            "<option name=\"password\" value=\"Wk3!xZq8Lp\" />")
        .counterExamples(
            "url: mysql://<user>:<password>@localhost:3306/test\"",
            "<password>{DESede}</password>",
            "<password>${env.DEPLOY_PASSWORD}</password>",
            "<Pass encoding=\"base64\"></Pass>")
        .build();
  }

  private static Rule argument() {
    return password("generic.password-argument", "Password passed to a login call")
        .keywords("login(", "signin(", "authenticate(", "bind_s(", "auth(")
        .pattern(
            "(?i:login|signin|sign_in|authenticate|simple_bind_s|bind_s|auth)\\(\\s*"
                + "[^,()\\r\\n]{1,80},\\s*([\"'])(?<secret>[^\"'\\r\\n]{1,200})\\1\\s*\\)")
        .window(16, 320)
        .check(new LiteralPasswordCheck())
        .examples("server.login('ada@acme-corp.net', 'Jq7!vL2xZp')", "ftp.login(user, \"hunter2\")")
        .counterExamples("conn.login(user, password)", "ftp.login('anonymous', '')")
        .build();
  }
}
