package dev.rekey.rotators;

import dev.rekey.rotators.aws.AwsClients;
import dev.rekey.rotators.aws.IamAccessKeyRotator;
import dev.rekey.rotators.db.DatabaseSettings;
import dev.rekey.rotators.db.MysqlPasswordRotator;
import dev.rekey.rotators.db.PostgresPasswordRotator;
import dev.rekey.rotators.guided.GuidedRotator;
import java.util.List;

/** The built-in rotators, automated ones first and the guided one last. */
public final class Rotators {
  private Rotators() {}

  public static RotatorCatalog builtIn(AwsClients aws, DatabaseSettings databases) {
    return new RotatorCatalog(
        List.of(
            new IamAccessKeyRotator(aws),
            new PostgresPasswordRotator(databases),
            new MysqlPasswordRotator(databases),
            new GuidedRotator()));
  }
}
