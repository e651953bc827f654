package dev.rekey.rotators.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.RotationMode;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.testing.Credentials;
import dev.rekey.rotators.testing.FakeAnthropic;
import dev.rekey.rotators.testing.FakeGitHub;
import dev.rekey.rotators.testing.FakeNpm;
import dev.rekey.rotators.testing.FakeOpenAi;
import dev.rekey.rotators.testing.FakeSlack;
import dev.rekey.rotators.testing.FakeStripe;
import dev.rekey.rotators.testing.KeyBook;
import dev.rekey.rotators.testing.LoopbackProviders;
import dev.rekey.rotators.testing.Reply;
import dev.rekey.rotators.testing.RotationRig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guided rotations: the user makes the new key, rekey verifies it and revokes the old one. */
class GuidedRevocationTest {
  private final FakeGitHub github = new FakeGitHub();
  private final FakeSlack slack = new FakeSlack();
  private final FakeNpm npm = new FakeNpm();
  private final FakeOpenAi openai = new FakeOpenAi("proj_a");
  private final FakeAnthropic anthropic = new FakeAnthropic();
  private final FakeStripe stripe = new FakeStripe();
  private LoopbackProviders servers;
  private RotationRig rig;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    servers = LoopbackProviders.start(github, slack, npm, openai, anthropic, stripe);
    npm.base(servers.base("npm"));
    rig = new RotationRig(dir, servers);
    rig.env.put("OPENAI_ADMIN_KEY", openai.adminKey);
    rig.env.put("ANTHROPIC_ADMIN_API_KEY", anthropic.adminKey);
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  private void assertRotated(RotationOutcome outcome) {
    assertThat(outcome).as(outcome.toString()).isInstanceOf(RotationOutcome.Rotated.class);
    assertThat(outcome.complete()).isTrue();
  }

  @Test
  void gitHubTokenIsRevokedThroughTheCredentialRevocationApi() throws Exception {
    KeyBook.Key leaked = github.tokens.add("old", KeyBook.githubToken("ghp_"), "ci");
    KeyBook.Key fresh = github.tokens.add("new", KeyBook.githubToken("ghp_"), "ci");
    rig.user.keys.add(fresh.secret);
    Credential credential = Credentials.of("github.personal-access-token", leaked.secret);
    assertThat(rig.plan(credential).steps())
        .filteredOn(s -> s.step() == Step.REVOKE)
        .extracting(PlannedStep::description)
        .singleElement()
        .asString()
        .contains("credential-revocation API");

    assertRotated(rig.rotate(credential));

    assertThat(leaked.live).isFalse();
    assertThat(fresh.live).isTrue();
    assertThat(servers.calls("github"))
        .filteredOn(c -> c.path().equals("/credentials/revoke"))
        .singleElement()
        .satisfies(c -> assertThat(c.header("authorization")).isNull());
    assertThat(rig.storedFile()).contains(fresh.secret);
    assertThat(Files.readString(rig.journal()))
        .doesNotContain(leaked.secret)
        .doesNotContain(fresh.secret);
  }

  @Test
  void aNewKeyTheProviderRefusesIsNotAccepted() {
    KeyBook.Key leaked = github.tokens.add("old", KeyBook.githubToken("ghp_"), "ci");
    rig.user.keys.add(KeyBook.githubToken("ghp_")); // well-formed, but GitHub does not know it
    RotationOutcome outcome =
        rig.rotate(Credentials.of("github.personal-access-token", leaked.secret));
    assertThat(outcome)
        .isInstanceOfSatisfying(
            RotationOutcome.Failed.class,
            f -> {
              assertThat(f.step()).isEqualTo(Step.TEST);
              assertThat(f.reason()).contains("does not work yet");
            });
    assertThat(leaked.live).isTrue();
  }

  @Test
  void slackTokenRevokesItself() throws Exception {
    KeyBook.Key leaked = slack.addToken();
    KeyBook.Key fresh = slack.addToken();
    rig.user.keys.add(fresh.secret);
    assertRotated(rig.rotate(Credentials.of("slack.bot-token", leaked.secret)));
    assertThat(leaked.live).isFalse();
    assertThat(fresh.live).isTrue();
  }

  @Test
  void npmTokenIsFoundAcrossPagesByItsHint() throws Exception {
    for (int i = 0; i < 4; i++) {
      npm.addToken();
    }
    KeyBook.Key leaked = npm.addToken();
    KeyBook.Key fresh = npm.addToken();
    rig.user.keys.add(fresh.secret);
    assertRotated(rig.rotate(Credentials.of("npm.access-token", leaked.secret)));
    assertThat(npm.tokens.byId(leaked.id)).isEmpty();
    assertThat(npm.tokens.all()).hasSize(5);
  }

  @Test
  void openAiProjectKeyIsDeletedWithTheAdminKey() throws Exception {
    KeyBook.Key leaked = openai.addKey("proj_a", "sk-proj-", "user_ada");
    KeyBook.Key fresh = openai.addKey("proj_a", "sk-proj-", "user_ada");
    rig.user.keys.add(fresh.secret);
    Credential credential = Credentials.of("openai.api-key", leaked.secret);
    assertThat(rig.plan(credential).mode()).isEqualTo(RotationMode.GUIDED);
    assertRotated(rig.rotate(credential));
    assertThat(openai.keys.byId(leaked.id)).isEmpty();
  }

  @Test
  void anthropicKeyIsDeactivatedBecauseTheApiCannotDeleteIt() throws Exception {
    KeyBook.Key leaked = anthropic.addKey();
    KeyBook.Key fresh = anthropic.addKey();
    rig.user.keys.add(fresh.secret);
    assertRotated(rig.rotate(Credentials.of("anthropic.api-key", leaked.secret)));
    assertThat(leaked.extra).containsEntry("status", "inactive");
    assertThat(anthropic.keys.byId(leaked.id)).isPresent();
  }

  @Test
  void stripeKeyIsRevokedByTheUserAndRekeyChecksStripeRefusesIt() throws Exception {
    KeyBook.Key leaked = stripe.addKey();
    KeyBook.Key fresh = stripe.addKey();
    rig.user.keys.add(fresh.secret);
    Credential credential = Credentials.of("stripe.secret-key", leaked.secret);

    RotationOutcome first = rig.rotate(credential);
    assertThat(first)
        .isInstanceOfSatisfying(
            RotationOutcome.Failed.class,
            f -> {
              assertThat(f.step()).isEqualTo(Step.REVOKE);
              assertThat(f.errorClass()).isEqualTo(ErrorClass.USER);
              assertThat(f.reason()).contains("not confirmed revoked");
            });
    assertThat(rig.storedFile()).contains(fresh.secret);

    stripe.keys.revokeSecret(leaked.secret); // the user rolls the key on the dashboard
    assertRotated(rig.rotate(credential));
    assertThat(Files.readString(rig.journal())).contains("refuses the old key");
  }

  @Test
  void aRevocationThatFailsOnTheServerIsRetried() throws Exception {
    KeyBook.Key leaked = slack.addToken();
    KeyBook.Key fresh = slack.addToken();
    rig.user.keys.add(fresh.secret);
    servers.failNext(
        "slack", Reply.json(200, "{\"ok\":true,\"url\":\"x\",\"team\":\"Acme\",\"user\":\"bot\"}"));
    servers.failNext("slack", Reply.json(503, "{\"ok\":false,\"error\":\"service_unavailable\"}"));
    assertRotated(rig.rotate(Credentials.of("slack.bot-token", leaked.secret)));
    assertThat(leaked.live).isFalse();
  }
}
