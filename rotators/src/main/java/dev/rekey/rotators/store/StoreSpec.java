package dev.rekey.rotators.store;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.aws.AwsClients;
import dev.rekey.rotators.provider.ProviderAccess;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A store as named on the command line:
 *
 * <ul>
 *   <li>{@code aws-sm} or {@code aws-sm:NAME} — AWS Secrets Manager, one secret per credential;
 *       {@code NAME} may use {@code {rule}}, {@code {provider}} and {@code {fingerprint}} (its
 *       first 12 hex digits), default {@code rekey/{rule}/{fingerprint}};
 *   <li>{@code dotenv:PATH} — a dotenv file on this machine;
 *   <li>{@code github:OWNER/REPO[@VERSIONS]} — the repository's Actions secrets ({@code
 *       GITHUB_TOKEN} or {@code GH_TOKEN});
 *   <li>{@code vercel:PROJECT[@VERSIONS]} — the project's environment variables ({@code
 *       VERCEL_TOKEN}, and {@code VERCEL_TEAM_ID} for a team).
 * </ul>
 *
 * GitHub and Vercel cannot be read back, so their versions are kept in {@code VERSIONS}, a readable
 * store ({@code aws-sm[:NAME]} by default, or {@code dotenv:PATH}).
 *
 * @param kind {@code aws-sm}, {@code dotenv}, {@code github} or {@code vercel}
 * @param location the name template, path, repository or project (with any {@code @VERSIONS})
 */
public record StoreSpec(String kind, String location) {
  public static final String DEFAULT_SECRET_NAME = "rekey/{rule}/{fingerprint}";

  /** The kind of the default store: AWS Secrets Manager. */
  public static final String AWS_SM = "aws-sm";

  /**
   * The default store: one Secrets Manager secret per credential, named by the default template.
   */
  public static final StoreSpec DEFAULT = new StoreSpec(AWS_SM, DEFAULT_SECRET_NAME);

  /** Parses a {@code --store} value; throws {@link IllegalArgumentException} with the fix. */
  public static StoreSpec parse(String text) {
    int colon = text.indexOf(':');
    String kind = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
    String location = colon < 0 ? "" : text.substring(colon + 1);
    return switch (kind) {
      case AWS_SM, "aws-secretsmanager" ->
          new StoreSpec(AWS_SM, location.isEmpty() ? DEFAULT_SECRET_NAME : location);
      case "dotenv" -> {
        if (location.isEmpty()) {
          throw new IllegalArgumentException(
              "--store dotenv needs a path, e.g. dotenv:/srv/app/.env");
        }
        yield new StoreSpec("dotenv", location);
      }
      case "github", "vercel" -> publishing(kind, location);
      default ->
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "' is not a store: use aws-sm[:NAME], dotenv:PATH, github:OWNER/REPO[@VERSIONS]"
                  + " or vercel:PROJECT[@VERSIONS]");
    };
  }

  private static StoreSpec publishing(String kind, String location) {
    String target =
        location.contains("@") ? location.substring(0, location.indexOf('@')) : location;
    boolean valid =
        kind.equals("github")
            ? target.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
            : target.matches("[A-Za-z0-9_.-]+");
    if (!valid) {
      throw new IllegalArgumentException(
          kind.equals("github")
              ? "--store github needs OWNER/REPO, e.g. github:acme/app or github:acme/app@aws-sm"
              : "--store vercel needs a project id or name, e.g. vercel:prj_123 or vercel:app@aws-sm");
    }
    if (location.contains("@")) {
      StoreSpec versions = parse(location.substring(location.indexOf('@') + 1));
      if (!versions.readable()) {
        throw new IllegalArgumentException(
            "--store "
                + kind
                + ":"
                + location
                + ": the versions go to a readable store: aws-sm or dotenv");
      }
    }
    return new StoreSpec(kind, location);
  }

  /** Whether rekey can read values back from this store. */
  public boolean readable() {
    return kind.equals(AWS_SM) || kind.equals("dotenv");
  }

  /** Where a write-only store keeps its versions. */
  public StoreSpec versions() {
    if (readable()) {
      return this;
    }
    return location.contains("@") ? parse(location.substring(location.indexOf('@') + 1)) : DEFAULT;
  }

  private String target() {
    return location.contains("@") ? location.substring(0, location.indexOf('@')) : location;
  }

  @Override
  public String toString() {
    return kind + ":" + location;
  }

  /** The target this spec names, without provider stores (AWS and dotenv only). */
  public StoreTarget target(Supplier<AwsClients> aws) {
    return target(aws, null);
  }

  /**
   * The target this spec names; AWS clients are made only when a Secrets Manager store opens.
   *
   * @param access reaches GitHub and Vercel, or null when those stores are not available
   */
  public StoreTarget target(Supplier<AwsClients> aws, @Nullable ProviderAccess access) {
    return new StoreTarget() {
      @Override
      public String describe(Credential credential) {
        return switch (kind) {
          case "dotenv" -> "dotenv:" + Path.of(location).toAbsolutePath();
          case AWS_SM -> "aws-secretsmanager:" + secretName(credential);
          default ->
              (kind.equals("github") ? "github-actions:" : "vercel:")
                  + target()
                  + " (versions in "
                  + versions().target(aws, access).describe(credential)
                  + ")";
        };
      }

      @Override
      public Optional<String> revokeCaveat(Credential credential) {
        return kind.equals("vercel")
            ? Optional.of(
                "Vercel applies the new value at the next deployment: redeploy first (or rotate with"
                    + " --grace and revoke with --finish after the redeploy)")
            : Optional.empty();
      }

      @Override
      public Store open(Credential credential, RunId run) {
        return switch (kind) {
          case "dotenv" -> new DotenvStore(Path.of(location), credential.shortFingerprint());
          case AWS_SM -> secretsManager(aws, credential, run);
          default -> provider(versions().target(aws, access).open(credential, run), access);
        };
      }
    };
  }

  private Store secretsManager(Supplier<AwsClients> aws, Credential credential, RunId run) {
    Map<String, String> tags =
        Map.of(
            "rekey:credential", credential.fingerprint(),
            "rekey:rule", credential.ruleId(),
            "rekey:run", run.value());
    return new SecretsManagerStore(aws.get().secretsManager(), secretName(credential), tags);
  }

  private Store provider(Store versions, @Nullable ProviderAccess access) {
    if (access == null) {
      throw new IllegalArgumentException("the " + kind + " store needs provider access");
    }
    if (kind.equals("github")) {
      SecretValue token =
          access
              .admin("GITHUB_TOKEN")
              .or(() -> access.admin("GH_TOKEN"))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--store github: set GITHUB_TOKEN to a token that may write the"
                              + " repository's Actions secrets"));
      return new GitHubActionsStore(
          versions, target(), new ApiAccount(token, access.urls(), access.client()));
    }
    SecretValue token =
        access
            .admin("VERCEL_TOKEN")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--store vercel: set VERCEL_TOKEN to a Vercel token"));
    return new VercelStore(
        versions,
        target(),
        access.admin("VERCEL_TEAM_ID").map(SecretValue::reveal).orElse(null),
        new ApiAccount(token, access.urls(), access.client()));
  }

  /** The Secrets Manager secret name for a credential. */
  public String secretName(Credential credential) {
    return location
        .replace("{rule}", credential.ruleId())
        .replace("{provider}", credential.provider().toLowerCase(Locale.ROOT).replace(' ', '-'))
        .replace("{fingerprint}", credential.shortFingerprint());
  }
}
