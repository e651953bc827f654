package dev.rekey.rotators.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.db.PostgresStrategy;
import dev.rekey.rotators.store.StoreSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

  @Test
  void thePostgresStrategyIsRecordedAndReadBack() {
    for (PostgresStrategy strategy : PostgresStrategy.values()) {
      RunSettings settings = settings(strategy);
      assertThat(settings.recorded()).containsEntry("postgres_strategy", strategy.label());
      assertThat(RunSettings.of(settings.recorded())).isEqualTo(settings);
    }
  }

  /** A run journaled before the choice existed rotated PostgreSQL through its single user. */
  @Test
  void aRunRecordedBeforeTheStrategyExistedResumesWithTheSingleUser() {
    Map<String, String> recorded =
        new HashMap<>(settings(PostgresStrategy.ALTERNATING_USERS).recorded());
    recorded.remove("postgres_strategy");
    assertThat(RunSettings.of(recorded).postgres()).isEqualTo(PostgresStrategy.SINGLE_USER);
  }

  private static RunSettings settings(PostgresStrategy strategy) {
    return new RunSettings(
        new CredentialSource.Report(Path.of("report.json")),
        StoreSpec.parse(StoreSpec.AWS_SM),
        Duration.ofHours(1),
        strategy,
        RunSettings.Aws.NONE,
        Map.of(),
        "test");
  }
}
