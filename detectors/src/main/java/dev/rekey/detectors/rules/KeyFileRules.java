package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PRIVATE_KEY;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Private keys in formats other than PEM: PuTTY key files, PGP private key blocks, age identities.
 */
final class KeyFileRules {
  private KeyFileRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "private-key.putty",
                PRIVATE_KEY,
                "private-key",
                Severity.CRITICAL,
                "PuTTY private key file")
            .keywords("putty-user-key-file-")
            .pattern(
                "(?<secret>PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]+\\r?\\nEncryption: [a-z0-9-]+\\r?\\n"
                    + "[\\s\\S]{0,4000}?Private-Lines: \\d+\\r?\\n[A-Za-z0-9+/=\\r\\n]{20,6000}?Private-MAC: [0-9a-f]{40,64})")
            .prefixed(10200)
            .check(KeyFileRules::putty)
            .examples(
                "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIahuRX0qxXFrIXJNzacUx9tGY1vPxXWXQnP0q7C4s\nuNyBmiV8fpQOqZIH\nPrivate-Lines: 1\nAAAAIhHcCk/BppXP8bSJzE/rs+wEFgm5LMpM5+iSoAtG8\nPrivate-MAC: a792e0cbcf57dc305332858eeb77249c27ec79c6c178498f93d57746b50ec1f8\n")
            .counterExamples("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n...")
            .rotation("https://the.earth.li/~sgtatham/putty/latest/htmldoc/Chapter8.html")
            .build(),
        Shapes.rule(
                "private-key.pgp",
                PRIVATE_KEY,
                "private-key",
                Severity.CRITICAL,
                "PGP private key block")
            .keywords("-----begin pgp private key block-----")
            .pattern(
                "(?<secret>-----BEGIN PGP PRIVATE KEY BLOCK-----\\r?\\n[A-Za-z0-9+/=:.,()\\s-]{60,16000}?-----END PGP PRIVATE KEY BLOCK-----)")
            .prefixed(16100)
            .examples(
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgEZcFtczbK2gFe7HBF3X3bX4y2l9wHbyVRQS6lOFYoSQZg7lYdflkmQ8QCnYgJgt\nhbSWcFccxzaognorDGQ83TyYHLspFXeJPiyOStZ/UyQ/IzzOoBXt5pGv3t4ddc5J\n=XxeO\n-----END PGP PRIVATE KEY BLOCK-----\n")
            .counterExamples(
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n-----END PGP PRIVATE KEY BLOCK-----")
            .rotation("https://www.gnupg.org/gph/en/manual/c14.html")
            .build(),
        Shapes.prefixed(
                Shapes.rule(
                    "private-key.age",
                    PRIVATE_KEY,
                    "private-key",
                    Severity.CRITICAL,
                    "age secret key (identity)"),
                "AGE-SECRET-KEY-1",
                "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
                58)
            .examples(
                "# created: 2024-01-01\nAGE-SECRET-KEY-1PCHZ8RX37XANCREVUEZSFSHS0HVTT0QS429UKD0XX6UUV6NGPTFMLQE08U")
            .counterExamples(
                "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ")
            .rotation("https://github.com/FiloSottile/age#readme")
            .build());
  }

  /** An unencrypted PuTTY key is critical; an encrypted one still needs its passphrase. */
  private static Verdict putty(Candidate candidate) {
    return candidate.secret().contains("Encryption: none")
        ? Verdict.accept(Severity.CRITICAL, Map.of("key.type", "PuTTY"))
        : Verdict.accept(Severity.MEDIUM, Map.of("key.type", "PuTTY", "key.encrypted", "true"));
  }
}
