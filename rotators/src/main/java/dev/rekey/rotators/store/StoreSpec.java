package dev.rekey.rotators.store;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.aws.AwsClients;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A store as named on the command line:
 *
 * <ul>
 *   <li>{@code aws-sm} or {@code aws-sm:NAME} — AWS Secrets Manager, one secret per credential;
 *       {@code NAME} may use {@code {rule}}, {@code {provider}} and {@code {fingerprint}} (its
 *       first 12 hex digits), default {@code rekey/{rule}/{fingerprint}};
 *   <li>{@code dotenv:PATH} — a dotenv file on this machine.
 * </ul>
 *
 * @param kind {@code aws-sm} or {@code dotenv}
 * @param location the name template or the path
 */
public record StoreSpec(String kind, String location) {
  public static final String DEFAULT_SECRET_NAME = "rekey/{rule}/{fingerprint}";

  /** Parses a {@code --store} value; throws {@link IllegalArgumentException} with the fix. */
  public static StoreSpec parse(String text) {
    int colon = text.indexOf(':');
    String kind = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
    String location = colon < 0 ? "" : text.substring(colon + 1);
    return switch (kind) {
      case "aws-sm", "aws-secretsmanager" ->
          new StoreSpec("aws-sm", location.isEmpty() ? DEFAULT_SECRET_NAME : location);
      case "dotenv" -> {
        if (location.isEmpty()) {
          throw new IllegalArgumentException(
              "--store dotenv needs a path, e.g. dotenv:/srv/app/.env");
        }
        yield new StoreSpec("dotenv", location);
      }
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a store: use aws-sm[:NAME] or dotenv:PATH");
    };
  }

  @Override
  public String toString() {
    return kind + ":" + location;
  }

  /** The target this spec names; AWS clients are made only when a Secrets Manager store opens. */
  public StoreTarget target(Supplier<AwsClients> aws) {
    return new StoreTarget() {
      @Override
      public String describe(Credential credential) {
        return kind.equals("dotenv")
            ? "dotenv:" + Path.of(location).toAbsolutePath()
            : "aws-secretsmanager:" + secretName(credential);
      }

      @Override
      public Store open(Credential credential, RunId run) {
        if (kind.equals("dotenv")) {
          return new DotenvStore(Path.of(location), credential.shortFingerprint());
        }
        Map<String, String> tags =
            Map.of(
                "rekey:credential", credential.fingerprint(),
                "rekey:rule", credential.ruleId(),
                "rekey:run", run.value());
        return new SecretsManagerStore(aws.get().secretsManager(), secretName(credential), tags);
      }
    };
  }

  /** The Secrets Manager secret name for a credential. */
  public String secretName(Credential credential) {
    return location
        .replace("{rule}", credential.ruleId())
        .replace("{provider}", credential.provider().toLowerCase(Locale.ROOT).replace(' ', '-'))
        .replace("{fingerprint}", credential.shortFingerprint());
  }
}
