package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PRIVATE_KEY;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * PEM-armoured private keys (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted or not). A block is critical
 * only when its body really parses as a private key; see {@link PemKeyCheck}.
 */
final class PrivateKeyRules {
  private PrivateKeyRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.builder("private-key.pem")
            .provider(PRIVATE_KEY)
            .kind("private-key")
            .severity(Severity.CRITICAL)
            .description("PEM private key")
            .keywords("private key-----")
            .pattern(
                "(?<secret>-----BEGIN (?<label>(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?)PRIVATE KEY-----"
                    + "[A-Za-z0-9+/=\\s:,\\-\\\\\"'.]{16,16000}?-----END \\k<label>PRIVATE KEY-----)")
            .window(32, 16100)
            .publicPrefix(0)
            .check(new PemKeyCheck())
            .examples(
                """
                -----BEGIN EC PRIVATE KEY-----
                MHcCAQEEIJVydXsIMQ/A6wpgDK9jz3OYx25ruv3maM/OxQqvP0hioAoGCCqGSM49
                AwEHoUQDQgAEfoIt7VbqQnOIQORW/fY8607g3p4SBXL27skiRp991R4Om4JnV5G7
                M5UW2TGuOHbLguC4wK+zac50Wr/Bi7gUdA==
                -----END EC PRIVATE KEY-----
                """,
                """
                const signingKey = "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIJ+jurQ99vbPZvPKTr4AvcsP2sUmzYJ3zCPXO3KQ6yd6\\n-----END PRIVATE KEY-----\\n";
                """,
                """
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
                QyNTUxOQAAACDZaiYTHNZ81nEsAxyZu67g9Y29UIUMQkzLBWxRtD7UgwAAAJAz5XaRM+V2
                kQAAAAtzc2gtZWQyNTUxOQAAACDZaiYTHNZ81nEsAxyZu67g9Y29UIUMQkzLBWxRtD7Ugw
                AAAEAPvCALiZ7QILPEWo8m86NE1O7ruvMluNWh/puLhAPPI9lqJhMc1nzWcSwDHJm7ruD1
                jb1QhQxCTMsFbFG0PtSDAAAAB2ZpeHR1cmUBAgMEBQY=
                -----END OPENSSH PRIVATE KEY-----
                """,
                """
                -----BEGIN ENCRYPTED PRIVATE KEY-----
                MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhK37uMvNVavQICCAAw
                DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEI2XbjJhT+/w47kkQi4z3dIEQBXU
                ByQEp7jQKxsch7VCJ8ANucWXsUARXRIX7vFpp6s/ygmE4guBk4agAWs3d34GuPE2
                gyP5eXUcH/+LOItGBAg=
                -----END ENCRYPTED PRIVATE KEY-----
                """)
            .counterExamples(
                """
                -----BEGIN RSA PRIVATE KEY-----
                ...
                -----END RSA PRIVATE KEY-----
                """,
                """
                const header = "-----BEGIN PRIVATE KEY-----";
                const footer = "-----END PRIVATE KEY-----";
                """,
                """
                -----BEGIN PRIVATE KEY-----
                YOUR_PRIVATE_KEY_GOES_HERE_AND_MUST_BE_BASE64
                -----END PRIVATE KEY-----
                """)
            // Generic: nothing in a key says which service trusts its public half (an SSH key may
            // be a GitHub deploy key or a server login, an RSA key may sign JWTs or serve TLS), so
            // no provider's page can be assumed.
            .rotation(
                "https://cheatsheetseries.owasp.org/cheatsheets/Key_Management_Cheat_Sheet.html")
            .build());
  }
}
