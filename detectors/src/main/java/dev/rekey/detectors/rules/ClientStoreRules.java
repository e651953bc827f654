package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.BROWSER;
import static dev.rekey.detectors.rules.ProviderCatalog.WINSCP;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Passwords desktop clients keep in files that end up copied into repositories with a user's
 * settings: WinSCP's {@code WinSCP.ini} (session passwords, obfuscated with the host and user name,
 * which anyone can undo) and Firefox's {@code logins.json} (encrypted with the profile's {@code
 * key4.db}, which usually has no primary password and travels with it).
 */
final class ClientStoreRules {
  private ClientStoreRules() {}

  static List<Rule> rules() {
    return List.of(winscp(), firefoxLogins());
  }

  private static Rule winscp() {
    return Shapes.rule(
            "winscp.password",
            WINSCP,
            "password",
            Severity.HIGH,
            "Saved session password in WinSCP's configuration (obfuscated, not encrypted)")
        .fileName("(?:.*/)?(?i:winscp)\\.ini", "Users/ada/AppData/Roaming/WinSCP.ini")
        .pattern("(?m)^(?:Password|ProxyPassword|TunnelPassword)=(?<secret>[0-9A-F]{16,1000})\\r?$")
        .minEntropy(2.5)
        .examples(
            "[Sessions\\ada@sftp.acme-corp.net]\nHostName=sftp.acme-corp.net\nUserName=ada\n"
                + "Password=A35C435B9556B1237C2F6E6D2E3B3A6F6D72726F6F72736F6D756E6F72B66E6B\n")
        .counterExamples(
            "[Sessions\\ada@sftp.acme-corp.net]\nHostName=sftp.acme-corp.net\nPassword=\n",
            "[Configuration\\Security]\nUseMasterPassword=0\n")
        .rotation("https://winscp.net/eng/docs/security_credentials")
        .build();
  }

  private static Rule firefoxLogins() {
    return Shapes.rule(
            "browser.firefox-logins",
            BROWSER,
            "password",
            Severity.MEDIUM,
            "Saved password in a Firefox profile's logins.json (decrypted with its key4.db)")
        .keywords("\"encryptedpassword\"")
        .pattern("\"encryptedPassword\"\\s*:\\s*\"(?<secret>M[A-Za-z0-9+/]{40,2000}={0,2})\"")
        .prefixed(2100)
        .supersedes("generic.password")
        .examples(
            "{\"hostname\":\"https://shop.acme-corp.net\",\"encryptedUsername\":\"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECMR0mOtCGk7qBBBz2YjFvJHiD7gN9ZLPz4tN\","
                + "\"encryptedPassword\":\"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECKq0Zc9nmh3yBBBoVgAZ0Ue7lz1H4hYdW+hx\"}")
        .counterExamples("{\"encryptedPassword\":\"\",\"encType\":1}")
        .rotation("https://support.mozilla.org/kb/password-manager-remember-delete-edit-logins")
        .build();
  }
}
