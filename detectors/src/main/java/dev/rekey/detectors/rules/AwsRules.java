package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.AWS;

import dev.rekey.detectors.Companion;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * AWS access keys. The secret access key has no marker of its own, so it is found by the name it is
 * assigned to, or right after its access key id (as in the CSV the console offers), and paired with
 * the access key id nearby; an access key id alone is reported at medium severity, since its secret
 * is usually close. Session tokens carry a recognisable serialisation prefix.
 */
public final class AwsRules {
  /** The id of the rule for access keys. */
  public static final String ACCESS_KEY = "aws.access-key";

  /** The id of the rule for access key ids. */
  public static final String ACCESS_KEY_ID = "aws.access-key-id";

  /** The fact naming the access key id paired with a secret access key. */
  public static final String KEY_ID_FACT = "aws.access_key_id";

  private static final String KEY_ID = "\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b";
  private static final String ROTATE =
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console";
  private static final String SECRET_NAME =
      "(?i:secret[_-]?access[_-]?key|aws[_-]?secret(?:[_-]?access)?(?:[_-]?key)?)[\"']?\\s*(?::=|=>|:|=)\\s*[\"']?";

  /** The {@code .s3cfg} that s3cmd writes: {@code secret_key = …} on a line of its own. */
  private static final String S3CMD = "(?m:^)secret_key = ";

  private static final String AFTER_KEY_ID =
      "\\b(?:AKIA|ASIA)[A-Z2-7]{16}[\"']?\\s*[,;|:\\t]\\s*[\"']?";

  private AwsRules() {}

  static List<Rule> rules() {
    return List.of(accessKey(), accessKeyId(), sessionToken());
  }

  private static Rule accessKey() {
    return Rule.builder(ACCESS_KEY)
        .provider(AWS)
        .kind("secret-access-key")
        .severity(Severity.CRITICAL)
        .description("AWS secret access key (with its access key id when found nearby)")
        .keywords(
            "secret_access_key",
            "secretaccesskey",
            "secret-access-key",
            "aws_secret",
            "awssecret",
            "aws-secret",
            "akia",
            "asia",
            "secret_key = ")
        .pattern(
            "(?:"
                + SECRET_NAME
                + "|"
                + S3CMD
                + "|"
                + AFTER_KEY_ID
                + ")(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")
        .window(24, 100)
        .minEntropy(4.0)
        .companion(new Companion(KEY_ID_FACT, Pattern.compile(KEY_ID), 2500, ACCESS_KEY_ID))
        .examples(
            "aws_access_key_id = AKIAXO3DNUGJ7UJEYKVI\naws_secret_access_key = kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8",
            "[default]\naccess_key = AKIAXO3DNUGJ7UJEYKVI\nhost_base = s3.amazonaws.com\n"
                + "secret_key = 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\n",
            "AWS_SECRET_ACCESS_KEY: \"kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8\"",
            "new S3Client({ credentials: { accessKeyId: 'AKIAXO3DNUGJ7UJEYKVI', secretAccessKey: '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' } })",
            "Access key ID,Secret access key\nAKIAXO3DNUGJ7UJEYKVI,kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8\n")
        .counterExamples(
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
            "aws_secret_access_key = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aws_secret_access_key = 9a0364b9e99bb480dd25e1f0284c8555d8f7b2a1")
        .rotation(ROTATE)
        .build();
  }

  private static Rule accessKeyId() {
    return Rule.builder(ACCESS_KEY_ID)
        .provider(AWS)
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
        .build();
  }

  private static Rule sessionToken() {
    return Rule.builder("aws.session-token")
        .provider(AWS)
        .kind("session-token")
        .severity(Severity.HIGH)
        .description("AWS STS session token (temporary credentials)")
        .keywords("iqojb3jpz2lux2vj", "fwogzxivyxdz", "fqogzxivyxdz")
        .pattern(
            "(?<![A-Za-z0-9/+])((?:IQoJb3JpZ2luX2Vj|F[wQ]oGZXIvYXdz)[A-Za-z0-9/+]{100,2000}={0,2})")
        .prefixed(2100)
        .publicPrefix(16)
        .companion(new Companion(KEY_ID_FACT, Pattern.compile(KEY_ID), 2500, ACCESS_KEY_ID))
        .examples(
            "aws_session_token = IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDw5Ng0Pc1k8Hd2Ph0qZs9CkW2u5nAoe4hKXo8T3bJ1/gIgS2fL4Xw7q9ZRa8mEt6NcVp1Hg3yK0uDbTjQnWs5O2lMqoQIIo///////////ARAAGgw5ODc2NTQzMjEwOTgiDLh0wRj5kX2sTgQyUirzAU9b8fPxJ6Yk3nLwHc7Rt2DqVa5mZe0FoBvKg1Iu4Ns8hWd3jXcYp6LrM9tEz2Qf7aGk4Ox1Hb0UsVi5Jn3Tw8Py2Dq6Rm9Zc1Le4Ka7Nb0Xf3Mh8Gs2Vj5Up9Qt1Wr6Yo4Ic7Ed0Sa3Fb8Lk2Pn5Hx9Mz1Tg4Vw7Rq0Uy3Ji6Oe9Ab2Cd5Gf8Hk1Ln4Pr7St0Vx3Zy6")
        .counterExamples("aws_session_token = IQoJb3JpZ2luX2Vj...")
        .rotation(
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html")
        .build();
  }
}
