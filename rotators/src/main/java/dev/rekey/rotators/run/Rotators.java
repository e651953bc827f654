package dev.rekey.rotators.run;

import dev.rekey.rotators.RotatorCatalog;
import dev.rekey.rotators.aws.AwsClients;
import dev.rekey.rotators.aws.IamAccessKeyRotator;
import dev.rekey.rotators.db.DatabaseSettings;
import dev.rekey.rotators.db.MysqlPasswordRotator;
import dev.rekey.rotators.db.PostgresAlternatingUsersRotator;
import dev.rekey.rotators.db.PostgresPasswordRotator;
import dev.rekey.rotators.guided.GuidedRotator;
import dev.rekey.rotators.provider.AnthropicKeyRevoker;
import dev.rekey.rotators.provider.GitHubRevoker;
import dev.rekey.rotators.provider.MailgunRotator;
import dev.rekey.rotators.provider.NpmRevoker;
import dev.rekey.rotators.provider.OpenAiKeyRevoker;
import dev.rekey.rotators.provider.OpenAiServiceAccountRotator;
import dev.rekey.rotators.provider.ProviderAccess;
import dev.rekey.rotators.provider.ResendRotator;
import dev.rekey.rotators.provider.SendGridRotator;
import dev.rekey.rotators.provider.SlackRevoker;
import dev.rekey.rotators.provider.SupabaseRotator;
import dev.rekey.rotators.provider.TwilioRotator;
import java.util.List;

/** The built-in rotators, automated ones first and the guided one last. */
public final class Rotators {
  private Rotators() {}

  /**
   * Every rotator: AWS and databases, the provider rotators whose admin credentials {@code access}
   * has, and guided rotation that verifies keys and revokes through providers' APIs.
   */
  public static RotatorCatalog builtIn(
      AwsClients aws, DatabaseSettings databases, ProviderAccess access) {
    return new RotatorCatalog(
        List.of(
            new IamAccessKeyRotator(aws),
            new PostgresAlternatingUsersRotator(databases),
            new PostgresPasswordRotator(databases),
            new MysqlPasswordRotator(databases),
            new OpenAiServiceAccountRotator(access),
            new SendGridRotator(access),
            new TwilioRotator(access),
            new SupabaseRotator(access),
            new MailgunRotator(access),
            new ResendRotator(access),
            new GuidedRotator(
                List.of(
                    new GitHubRevoker(access),
                    new SlackRevoker(access),
                    new NpmRevoker(access),
                    new OpenAiKeyRevoker(access),
                    new AnthropicKeyRevoker(access)),
                access)));
  }
}
