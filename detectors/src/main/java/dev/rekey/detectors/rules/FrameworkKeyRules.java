package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.LARAVEL;
import static dev.rekey.detectors.rules.ProviderCatalog.WORDPRESS;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Entropy;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.util.List;

/**
 * The keys web frameworks sign and encrypt with: Laravel's {@code APP_KEY} (cookies, sessions,
 * encrypted values) and WordPress's authentication keys and salts (login cookies). With one, an
 * attacker forges a session.
 */
final class FrameworkKeyRules {
  private FrameworkKeyRules() {}

  static List<Rule> rules() {
    return List.of(laravel(), wordpress());
  }

  private static Rule laravel() {
    return Shapes.rule(
            "laravel.app-key",
            LARAVEL,
            "encryption-key",
            Severity.HIGH,
            "Laravel application key (APP_KEY): signs and encrypts sessions and cookies")
        .keywords("app_key")
        .pattern(
            "(?i:app_key)[\"']?[ \\t]*(?:=>?|:)[ \\t]*[\"']?"
                + "(?<secret>base64:[A-Za-z0-9+/]{22,86}={0,2})(?![A-Za-z0-9+/=])")
        .prefixed(120)
        .minEntropy(3.5)
        .examples("APP_KEY=base64:q7Zx2LpV9tKc4WmN8rBd3YhF6sJg1QeA5uTo0iXkR2w=")
        .counterExamples("APP_KEY=", "APP_KEY=base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .rotation("https://laravel.com/docs/encryption#gracefully-rotating-encryption-keys")
        .build();
  }

  private static Rule wordpress() {
    return Shapes.rule(
            "wordpress.salt",
            WORDPRESS,
            "encryption-key",
            Severity.HIGH,
            "WordPress authentication key or salt: signs login cookies")
        .keywords(
            "auth_key", "auth_salt", "logged_in_key", "logged_in_salt", "nonce_key", "nonce_salt")
        .pattern(
            "(?i:auth|logged_in|nonce)_(?i:key|salt)[\"']?[ \\t]*[,=][ \\t]*([\"'])"
                + "(?<secret>[^\"'\\r\\n]{32,128})\\1")
        .prefixed(180)
        .check(FrameworkKeyRules::randomSalt)
        .examples(
            "define( 'AUTH_KEY', 'k]7#Lq2@vZ!x9Pm;Rt4&Wb8*Yc1^Nd5%Hf3(Gj6)Ks0_Tu-Vw+Xy=z~' );")
        .counterExamples("define( 'AUTH_KEY', 'put your unique phrase here' );")
        .rotation("https://developer.wordpress.org/reference/functions/wp_salt/")
        .build();
  }

  /** A salt is random printable text; the sample file's phrase is not. */
  private static Verdict randomSalt(Candidate candidate) {
    String salt = candidate.secret();
    return PasswordGrade.of(salt) != PasswordGrade.PLACEHOLDER && Entropy.looksRandom(salt)
        ? Verdict.accept(candidate.rule().severity())
        : Verdict.reject("not a random salt");
  }
}
