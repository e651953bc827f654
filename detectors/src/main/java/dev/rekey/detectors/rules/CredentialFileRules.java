package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.BROWSER;
import static dev.rekey.detectors.rules.ProviderCatalog.NETRC;
import static dev.rekey.detectors.rules.ProviderCatalog.NPM;
import static dev.rekey.detectors.rules.ProviderCatalog.POSTGRESQL;
import static dev.rekey.detectors.rules.ProviderCatalog.RAILS;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * The files tools keep credentials in: {@code .netrc} (curl, git, ftp), PostgreSQL's {@code
 * .pgpass}, the registry credentials of {@code .npmrc}, Rails' {@code config/master.key}, which
 * decrypts every secret in {@code credentials.yml.enc}, and the password exports of Chrome and
 * Firefox.
 */
final class CredentialFileRules {
  private CredentialFileRules() {}

  static List<Rule> rules() {
    return List.of(netrc(), pgpass(), npmrc(), railsMasterKey(), browserExport());
  }

  private static Rule netrc() {
    return Shapes.rule(
            "netrc.password",
            NETRC,
            "password",
            Severity.HIGH,
            "Password of a machine in a .netrc file")
        .keywords("machine")
        .pattern(
            "(?:machine[ \\t]+[A-Za-z0-9.:_-]+|default)\\s+(?:login[ \\t]+\\S+\\s+)?"
                + "(?:account[ \\t]+\\S+\\s+)?password[ \\t]+(?<secret>\\S{1,300})")
        .prefixed(700)
        .check(new LiteralPasswordCheck())
        .examples(
            "machine git.acme-corp.net\n  login ada\n  password Xk7!pQ2vLz\n",
            "machine api.acme-corp.net login ada password hunter2")
        .counterExamples("machine example.com login USER password PASSWORD")
        .rotation("https://everything.curl.dev/usingcurl/netrc.html")
        .build();
  }

  private static Rule pgpass() {
    return Shapes.rule(
            "postgres.pgpass",
            POSTGRESQL,
            "password",
            Severity.HIGH,
            "Password in a PostgreSQL password file (.pgpass)")
        .fileName("(?:.*/)?(?:\\.pgpass|pgpass\\.conf)", "home/ada/.pgpass")
        .pattern(
            "(?m)^[^:#\\s]+:(?:\\d{1,5}|\\*):[^:\\r\\n]+:[^:\\r\\n]+:(?<secret>[^\\r\\n]{1,300}?)\\r?$")
        .check(new LiteralPasswordCheck())
        .examples("db.acme-corp.net:5432:orders:app:Qz8!vX2mLp\n")
        .counterExamples("hostname:port:database:username:password\n")
        .rotation("https://www.postgresql.org/docs/current/libpq-pgpass.html")
        .build();
  }

  private static Rule npmrc() {
    return Shapes.rule(
            "npm.registry-auth",
            NPM,
            "registry-credentials",
            Severity.HIGH,
            "Registry credentials in an .npmrc file (_authToken, _auth or _password)")
        .keywords("_authtoken", "_auth=", "_auth =", "_password")
        .pattern(
            "(?<![A-Za-z0-9])(?:_authToken|_auth|_password)[ \\t]*=[ \\t]*\"?"
                + "(?<secret>[^\\s\"'$%\\\\][^\\s\"'\\\\]{5,400})")
        .prefixed(440)
        .generic()
        .supersedes("generic.secret", "generic.password")
        .check(new NpmrcCheck())
        .examples(
            "//npm.acme-corp.net/:_authToken=Zk3vQ9xLp2Rt7WmB4nHc8YsD",
            "_auth=ZGVwbG95OlhrN3BRMnZMejlSdA==")
        .counterExamples(
            "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
            "_auth=dXNlcjpwYXNzd29yZA==",
            "printf 'registry=%s\\n//127.0.0.1:%s/:_authToken=%s\\nfund=false\\n' \"$url\"")
        .rotation("https://docs.npmjs.com/revoking-access-tokens")
        .build();
  }

  private static Rule railsMasterKey() {
    return Shapes.rule(
            "rails.master-key",
            RAILS,
            "encryption-key",
            Severity.CRITICAL,
            "Rails master key: decrypts config/credentials.yml.enc")
        .fileName("(?:.*/)?config/(?:master|credentials/[A-Za-z0-9_-]+)\\.key", "config/master.key")
        .pattern("\\A\\s*(?<secret>[0-9a-f]{32})\\s*\\z")
        .minEntropy(3.0)
        .examples("3f9a1c7e2b84d6f0a9e1c3b5d7f2a4e6\n")
        .counterExamples("00000000000000000000000000000000\n")
        .rotation("https://guides.rubyonrails.org/security.html#custom-credentials")
        .build();
  }

  private static Rule browserExport() {
    return Shapes.rule(
            "browser.password-export",
            BROWSER,
            "password",
            Severity.HIGH,
            "Saved password in a browser's password export (CSV)")
        .keywords("url,username,password", "\"url\",\"username\",\"password\"")
        .pattern(
            "(?m)^(?:[^,\"\r\n]*,https?://[^,\r\n]*,[^,\r\n]*,|\"https?://[^\"\r\n]*\",\"[^\"\r\n]*\",\")"
                + "(?<secret>[^,\"\r\n]{1,300})")
        .window(0, 16_000)
        .check(new LiteralPasswordCheck())
        .examples(
            "name,url,username,password,note\nacme,https://shop.acme-corp.net/login,ada,Rq7!xL2vZp,\n",
            "\"url\",\"username\",\"password\",\"httpRealm\"\n\"https://mail.acme-corp.net\",\"ada\",\"Tz9#kQ2wLm\",\"\"\n")
        .counterExamples("name,url,username,password,note\n")
        .rotation("https://support.google.com/chrome/answer/95606")
        .build();
  }
}
