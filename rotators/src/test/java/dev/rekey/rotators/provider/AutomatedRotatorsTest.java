package dev.rekey.rotators.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.IdempotencyKey;
import dev.rekey.rotators.RotationMode;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.testing.Credentials;
import dev.rekey.rotators.testing.FakeMailgun;
import dev.rekey.rotators.testing.FakeOpenAi;
import dev.rekey.rotators.testing.FakeResend;
import dev.rekey.rotators.testing.FakeSendGrid;
import dev.rekey.rotators.testing.FakeSupabase;
import dev.rekey.rotators.testing.FakeTwilio;
import dev.rekey.rotators.testing.KeyBook;
import dev.rekey.rotators.testing.LoopbackProviders;
import dev.rekey.rotators.testing.Reply;
import dev.rekey.rotators.testing.RotationRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automated create-and-revoke rotations against each provider's loopback contract. */
class AutomatedRotatorsTest {
  private final FakeOpenAi openai = new FakeOpenAi("proj_a", "proj_b");
  private final FakeSendGrid sendgrid = new FakeSendGrid();
  private final FakeTwilio twilio = new FakeTwilio();
  private final FakeSupabase supabase = new FakeSupabase();
  private final FakeMailgun mailgun = new FakeMailgun();
  private final FakeResend resend = new FakeResend();
  private LoopbackProviders servers;
  private RotationRig rig;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    servers =
        LoopbackProviders.start(
            openai, sendgrid, twilio, supabase, supabase.projectApi(), mailgun, resend);
    rig = new RotationRig(dir, servers);
    rig.env.put("OPENAI_ADMIN_KEY", openai.adminKey);
    rig.env.put("TWILIO_ACCOUNT_SID", twilio.accountSid);
    rig.env.put("TWILIO_AUTH_TOKEN", twilio.authToken);
    rig.env.put("SUPABASE_ACCESS_TOKEN", supabase.accessToken);
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  private void assertRotated(RotationOutcome outcome) {
    assertThat(outcome).as(outcome.toString()).isInstanceOf(RotationOutcome.Rotated.class);
    assertThat(outcome.complete()).isTrue();
  }

  private void assertNoSecretInJournal(String... secrets) throws Exception {
    String journal = Files.readString(rig.journal());
    for (String secret : secrets) {
      assertThat(journal).doesNotContain(secret);
    }
  }

  @Test
  void openAiServiceAccountKeyGetsANewKeyOnTheSameAccountAndTheOldIsDeleted() throws Exception {
    for (int i = 0; i < 150; i++) {
      openai.addKey("proj_a", "sk-proj-", "user_" + i); // two pages of other keys
    }
    KeyBook.Key leaked = openai.addKey("proj_b", "sk-svcacct-", "svc_acct_ci");
    Credential credential = Credentials.of("openai.service-account-key", leaked.secret);
    assertThat(rig.plan(credential).mode()).isEqualTo(RotationMode.AUTOMATED);

    assertRotated(rig.rotate(credential));

    assertThat(openai.keys.byId(leaked.id)).isEmpty();
    KeyBook.Key created =
        openai.keys.all().stream()
            .filter(k -> k.name.startsWith("rekey-"))
            .findFirst()
            .orElseThrow();
    assertThat(created.extra)
        .containsEntry("project", "proj_b")
        .containsEntry("service_account", "svc_acct_ci");
    assertThat(rig.storedFile()).isEqualTo("OPENAI_SERVICE_ACCOUNT_KEY=" + created.secret + "\n");
    assertNoSecretInJournal(leaked.secret, created.secret, openai.adminKey);
  }

  @Test
  void anAmbiguousHintIsRefusedAndNothingIsCreatedOrDeleted() {
    KeyBook.Key leaked = openai.addKey("proj_a", "sk-svcacct-", "svc_acct_ci");
    String twin =
        leaked.secret.substring(0, 8)
            + KeyBook.random(100)
            + leaked.secret.substring(leaked.secret.length() - 4);
    openai
        .keys
        .add("key_twin", twin, "twin")
        .extra
        .putAll(Map.of("project", "proj_b", "service_account", "svc_acct_x"));
    int before = openai.keys.all().size();

    RotationOutcome outcome =
        rig.rotate(Credentials.of("openai.service-account-key", leaked.secret));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RotationOutcome.Failed.class,
            f -> {
              assertThat(f.step()).isEqualTo(Step.CREATE);
              assertThat(f.errorClass()).isEqualTo(ErrorClass.USER);
              assertThat(f.reason())
                  .contains("2 OpenAI project API keys")
                  .contains("rekey revokes only a key it identified");
            });
    assertThat(openai.keys.all()).hasSize(before);
  }

  @Test
  void aKeyTheProviderNoLongerListsIsRefused() {
    String gone = "sk-svcacct-" + KeyBook.random(60) + "T3BlbkFJ" + KeyBook.random(60);
    RotationOutcome outcome = rig.rotate(Credentials.of("openai.service-account-key", gone));
    assertThat(outcome)
        .isInstanceOfSatisfying(
            RotationOutcome.Failed.class,
            f -> assertThat(f.reason()).contains("none of the").contains("nothing was revoked"));
  }

  @Test
  void sendGridKeyIsRecreatedWithItsScopesThroughThrottling() throws Exception {
    KeyBook.Key leaked = sendgrid.addKey("production mail");
    leaked.extra.put("scopes", "mail.send,api_keys.create,api_keys.delete,api_keys.read");
    servers.failNext(
        "sendgrid",
        Reply.json(429, "{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}")
            .withHeader("Retry-After", "2"));

    assertRotated(rig.rotate(Credentials.of("sendgrid.api-key", leaked.secret)));

    assertThat(sendgrid.keys.byId(leaked.id)).isEmpty();
    KeyBook.Key created = sendgrid.keys.all().getFirst();
    assertThat(created.extra.get("scopes")).isEqualTo(leaked.extra.get("scopes"));
    assertThat(rig.storedFile()).contains("SENDGRID_API_KEY=" + created.secret);
    assertThat(rig.sleeper.waits).contains(Duration.ofSeconds(2));
    assertNoSecretInJournal(leaked.secret, created.secret);
  }

  @Test
  void aKeyMintedByACrashedAttemptIsDeletedBeforeAnotherIsMinted() throws Exception {
    KeyBook.Key leaked = sendgrid.addKey("production mail");
    Credential credential = Credentials.of("sendgrid.api-key", leaked.secret);
    String marker =
        "rekey-"
            + IdempotencyKey.of(rig.run().value(), credential.fingerprint(), "create")
                .substring(0, 8);
    KeyBook.Key orphan = sendgrid.addKey(marker);

    assertRotated(rig.rotate(credential));

    assertThat(sendgrid.keys.byId(orphan.id)).isEmpty();
    assertThat(sendgrid.keys.all()).hasSize(1);
  }

  @Test
  void twilioKeyIsReplacedWithTheAccountsAuthToken() throws Exception {
    KeyBook.Key leaked = twilio.addKey("web");
    Credential credential =
        Credentials.of("twilio.api-key", leaked.secret, Map.of("twilio.api_key_sid", leaked.id));

    assertRotated(rig.rotate(credential));

    assertThat(twilio.keys.byId(leaked.id)).isEmpty();
    KeyBook.Key created = twilio.keys.all().getFirst();
    assertThat(rig.storedFile())
        .contains("TWILIO_API_KEY=" + created.id)
        .contains("TWILIO_API_SECRET=" + created.secret);
    assertNoSecretInJournal(leaked.secret, created.secret, twilio.authToken);
  }

  @Test
  void twilioRefusingTheAdminIsAUserErrorThatSaysWhatToCheck() {
    KeyBook.Key leaked = twilio.addKey("web");
    rig.env.put("TWILIO_AUTH_TOKEN", KeyBook.hex(32));
    RotationOutcome outcome =
        rig.rotate(
            Credentials.of(
                "twilio.api-key", leaked.secret, Map.of("twilio.api_key_sid", leaked.id)));
    assertThat(outcome)
        .isInstanceOfSatisfying(
            RotationOutcome.Failed.class,
            f -> {
              assertThat(f.errorClass()).isEqualTo(ErrorClass.USER);
              assertThat(f.reason()).contains("401").contains("the credential was refused");
            });
    assertThat(twilio.keys.all()).hasSize(1);
  }

  @Test
  void supabaseSecretKeyIsFoundByValueAndReplacedInItsProject() throws Exception {
    supabase.addKey("other");
    KeyBook.Key leaked = supabase.addKey("default");

    assertRotated(rig.rotate(Credentials.of("supabase.secret-key", leaked.secret)));

    assertThat(supabase.keys.byId(leaked.id)).isEmpty();
    KeyBook.Key created =
        supabase.keys.all().stream()
            .filter(k -> k.name.startsWith("rekey_"))
            .findFirst()
            .orElseThrow();
    assertThat(rig.storedFile()).contains("SUPABASE_SECRET_KEY=" + created.secret);
  }

  @Test
  void mailgunKeyIsIdentifiedByItsHintAndReplaced() throws Exception {
    mailgun.addKey("other");
    KeyBook.Key leaked = mailgun.addKey("production");

    assertRotated(rig.rotate(Credentials.of("mailgun.api-key", leaked.secret)));

    assertThat(mailgun.keys.byId(leaked.id)).isEmpty();
    assertThat(mailgun.keys.all()).hasSize(2);
  }

  @Test
  void resendKeyIsReplacedAndTheUserDeletesTheOldOneThatResendCannotName() throws Exception {
    KeyBook.Key leaked = resend.addKey("production");
    rig.user.answers.add(true);
    Credential credential = Credentials.of("resend.api-key", leaked.secret);

    RotationOutcome first = rig.rotate(credential);
    assertThat(first)
        .isInstanceOfSatisfying(
            RotationOutcome.Failed.class, f -> assertThat(f.step()).isEqualTo(Step.REVOKE));
    assertThat(rig.user.shown).anyMatch(m -> m.contains("does not show which key"));
    assertThat(resend.keys.byId(leaked.id)).isPresent();

    resend.keys.remove(leaked.id); // the user deletes it on resend.com
    assertRotated(rig.rotate(credential));
    assertThat(rig.storedFile()).contains("RESEND_API_KEY=re_");
  }

  @Test
  void withoutAnAdminCredentialTheRotationIsGuided() {
    rig.env.remove("OPENAI_ADMIN_KEY");
    KeyBook.Key leaked = openai.addKey("proj_a", "sk-svcacct-", "svc_acct_ci");
    assertThat(rig.plan(Credentials.of("openai.service-account-key", leaked.secret)).mode())
        .isEqualTo(RotationMode.GUIDED);
  }

  @Test
  void aProviderRefusingToCreateIsAUserErrorAndNothingIsRevoked() {
    KeyBook.Key leaked = sendgrid.addKey("production");
    servers.failNext("sendgrid", Reply.json(200, "{\"scopes\":[]}")); // locate
    servers.failNext("sendgrid", Reply.json(200, "{\"result\":[]}")); // list for orphans
    servers.failNext("sendgrid", Reply.json(200, "{\"scopes\":[\"mail.send\"]}")); // old scopes
    servers.failNext(
        "sendgrid",
        Reply.json(
            403,
            "{\"errors\":[{\"field\":null,\"message\":\"You have reached the maximum of 100 API keys\"}]}"));

    RotationOutcome outcome = rig.rotate(Credentials.of("sendgrid.api-key", leaked.secret));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RotationOutcome.Failed.class,
            f -> {
              assertThat(f.step()).isEqualTo(Step.CREATE);
              assertThat(f.errorClass()).isEqualTo(ErrorClass.USER);
              assertThat(f.reason())
                  .contains("403")
                  .contains("maximum of 100")
                  .contains("lacks the permission");
            });
    assertThat(sendgrid.keys.byId(leaked.id)).isPresent();
  }

  @Test
  void aProviderThatDoesNotAnswerIsRetriedAndTheRunCarriesOn() throws Exception {
    rig.timeout = Duration.ofMillis(400);
    KeyBook.Key leaked = twilio.addKey("web");
    servers.failNext("twilio", Reply.json(200, "{}").delayed(1200));

    assertRotated(
        rig.rotate(
            Credentials.of(
                "twilio.api-key", leaked.secret, Map.of("twilio.api_key_sid", leaked.id))));

    assertThat(twilio.keys.byId(leaked.id)).isEmpty();
    assertThat(rig.sleeper.waits).isNotEmpty();
  }
}
