package dev.rekey.rotators.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.run.RotationEngine;
import dev.rekey.rotators.testing.Credentials;
import dev.rekey.rotators.testing.FakeGitHub;
import dev.rekey.rotators.testing.FakeStripe;
import dev.rekey.rotators.testing.FakeVercel;
import dev.rekey.rotators.testing.KeyBook;
import dev.rekey.rotators.testing.LoopbackProviders;
import dev.rekey.rotators.testing.RotationRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub Actions secrets and Vercel variables, with their versions in a readable store. */
class ProviderStoresTest {
  private final FakeGitHub github = new FakeGitHub();
  private final FakeVercel vercel = new FakeVercel();
  private final FakeStripe stripe = new FakeStripe();
  private LoopbackProviders servers;
  private RotationRig rig;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    servers = LoopbackProviders.start(github, vercel, stripe);
    rig = new RotationRig(dir, servers);
    rig.env.put("GITHUB_TOKEN", github.adminToken);
    rig.env.put("VERCEL_TOKEN", vercel.token);
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  private Credential stripeKey(KeyBook.Key leaked, KeyBook.Key fresh) {
    rig.user.keys.add(fresh.secret);
    stripe.keys.revokeSecret(leaked.secret); // already rolled on the dashboard
    return Credentials.of("stripe.secret-key", leaked.secret);
  }

  @Test
  void gitHubActionsSecretIsSealedToTheRepositoryKeyAndRollbackRepublishes() throws Exception {
    KeyBook.Key leaked = stripe.addKey();
    KeyBook.Key fresh = stripe.addKey();
    Credential credential = stripeKey(leaked, fresh);
    String store = "github:acme/app@dotenv:" + dir.resolve("versions.env");

    RotationOutcome outcome = rig.rotate(credential, store);

    assertThat(outcome).as(outcome.toString()).isInstanceOf(RotationOutcome.Rotated.class);
    assertThat(github.secret("acme/app", "STRIPE_SECRET_KEY")).isEqualTo(fresh.secret);

    RotationEngine engine = rig.engine(store);
    RotationPlan plan = engine.plan(credential, Duration.ZERO);
    try (Journal journal = Journal.open(rig.journal(), e -> {})) {
      assertThat(engine.rollback(rig.run(), journal, List.of(plan)).getFirst())
          .isInstanceOf(RotationOutcome.RolledBack.class);
    }
    assertThat(github.secret("acme/app", "STRIPE_SECRET_KEY")).isEqualTo(leaked.secret);
  }

  @Test
  void vercelVariablesAreWrittenAndThePlanSaysToRedeployBeforeRevoking() {
    KeyBook.Key leaked = stripe.addKey();
    KeyBook.Key fresh = stripe.addKey();
    Credential credential = stripeKey(leaked, fresh);
    String store = "vercel:prj_app@dotenv:" + dir.resolve("versions.env");

    RotationPlan plan = rig.engine(store).plan(credential, Duration.ZERO);
    assertThat(plan.store()).startsWith("vercel:prj_app (versions in dotenv:");
    assertThat(plan.steps())
        .filteredOn(s -> s.step() == Step.REVOKE)
        .extracting(PlannedStep::description)
        .singleElement()
        .asString()
        .contains("next deployment")
        .contains("--grace");

    assertThat(rig.rotate(credential, store)).isInstanceOf(RotationOutcome.Rotated.class);
    assertThat(vercel.value("prj_app", "STRIPE_SECRET_KEY")).isEqualTo(fresh.secret);
    assertThat(
            java.util.Objects.requireNonNull(vercel.variables.get("prj_app/STRIPE_SECRET_KEY"))
                .path("target")
                .toString())
        .contains("production");
  }

  @Test
  void storeSpecsNameTheirVersionsStoreAndRefuseWriteOnlyOnes() {
    assertThat(StoreSpec.parse("github:acme/app").versions().kind()).isEqualTo("aws-sm");
    assertThat(StoreSpec.parse("vercel:app@dotenv:/tmp/x.env").versions())
        .isEqualTo(new StoreSpec("dotenv", "/tmp/x.env"));
    assertThatThrownBy(() -> StoreSpec.parse("github:acme")).hasMessageContaining("OWNER/REPO");
    assertThatThrownBy(() -> StoreSpec.parse("github:acme/app@vercel:app"))
        .hasMessageContaining("readable store");
  }

  @Test
  void aMissingTokenSaysWhichVariableToSet() {
    rig.env.remove("GITHUB_TOKEN");
    Credential credential = Credentials.of("stripe.secret-key", stripe.addKey().secret);
    StoreTarget target =
        StoreSpec.parse("github:acme/app@dotenv:" + dir.resolve("v.env"))
            .target(
                () -> {
                  throw new AssertionError("no AWS here");
                },
                rig.access());
    assertThatThrownBy(() -> target.open(credential, rig.run()))
        .hasMessageContaining("GITHUB_TOKEN");
  }
}
