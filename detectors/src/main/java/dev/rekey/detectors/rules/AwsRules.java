package dev.rekey.detectors.rules;

import dev.rekey.detectors.Companion;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * AWS access keys. The secret access key has no marker of its own, so it is found by the name it is
 * assigned to and paired with the access key id nearby; an access key id alone is reported at
 * medium severity, since its secret is usually close.
 */
final class AwsRules {
  private static final String KEY_ID = "\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b";
  private static final String ROTATE =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console";

  private AwsRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.builder("aws.access-key")
            .provider("AWS")
            .kind("secret-access-key")
            .severity(Severity.CRITICAL)
            .description("AWS secret access key (with its access key id when found nearby)")
            .keywords(
                "secret_access_key",
                "secretaccesskey",
                "secret-access-key",
                "aws_secret",
                "awssecret",
                "aws-secret")
            .pattern(
                "(?i:secret[_-]?access[_-]?key|aws[_-]?secret(?:[_-]?key)?)[\"']?\\s*(?::=|=>|:|=)\\s*"
                    + "[\"']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")
            .window(24, 100)
            .minEntropy(4.0)
            .companion(
                new Companion(
                    "aws.access_key_id", Pattern.compile(KEY_ID), 1000, "aws.access-key-id"))
            .examples(
                "aws_access_key_id = AKIAXO3DNUGJ7UJEYKVI\naws_secret_access_key = kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8",
                "AWS_SECRET_ACCESS_KEY: \"kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8\"",
                "new S3Client({ credentials: { accessKeyId: 'AKIAXO3DNUGJ7UJEYKVI', secretAccessKey: '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' } })")
            .counterExamples(
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
                "aws_secret_access_key = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .rotation(ROTATE)
            .build(),
        Rule.builder("aws.access-key-id")
            .provider("AWS")
            .kind("access-key-id")
            .severity(Severity.MEDIUM)
            .description("AWS access key id (its secret was not found beside it)")
            .keywords("akia", "asia", "abia", "acca")
            .pattern(KEY_ID)
            .window(4, 20)
            .examples("AWS_ACCESS_KEY_ID=AKIAXO3DNUGJ7UJEYKVI")
            .counterExamples(
                "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
                "Travel to ASIA in MARCH",
                "AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX")
            .rotation(ROTATE)
            .build());
  }
}
