package dev.rekey.rotators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.testing.AwsKeyIds;
import dev.rekey.rotators.testing.Credentials;
import dev.rekey.rotators.testing.FakeAnthropic;
import dev.rekey.rotators.testing.FakeGitHub;
import dev.rekey.rotators.testing.FakeMailgun;
import dev.rekey.rotators.testing.FakeNpm;
import dev.rekey.rotators.testing.FakeOpenAi;
import dev.rekey.rotators.testing.FakeResend;
import dev.rekey.rotators.testing.FakeSendGrid;
import dev.rekey.rotators.testing.FakeSlack;
import dev.rekey.rotators.testing.FakeStripe;
import dev.rekey.rotators.testing.FakeSts;
import dev.rekey.rotators.testing.FakeSupabase;
import dev.rekey.rotators.testing.FakeToken;
import dev.rekey.rotators.testing.FakeTwilio;
import dev.rekey.rotators.testing.KeyBook;
import dev.rekey.rotators.testing.LoopbackProviders;
import dev.rekey.rotators.testing.RecordingSleeper;
import dev.rekey.rotators.testing.Reply;
import dev.rekey.scanner.model.Verified;
import dev.rekey.scanner.model.Verified.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every provider's verification against its loopback contract: live and revoked keys. */
class VerificationRunTest {
  private final FakeOpenAi openai = new FakeOpenAi("proj_1");
  private final FakeAnthropic anthropic = new FakeAnthropic();
  private final FakeStripe stripe = new FakeStripe();
  private final FakeSts sts = new FakeSts();
  private final FakeGitHub github = new FakeGitHub();
  private final FakeSlack slack = new FakeSlack();
  private final FakeSendGrid sendgrid = new FakeSendGrid();
  private final FakeTwilio twilio = new FakeTwilio();
  private final FakeMailgun mailgun = new FakeMailgun();
  private final FakeSupabase supabase = new FakeSupabase();
  private final FakeNpm npm = new FakeNpm();
  private final FakeResend resend = new FakeResend();
  private final FakeToken gitlab =
      new FakeToken(
          "gitlab",
          "/api/v4/personal_access_tokens/self",
          c -> c.header("private-token"),
          "{\"id\":4,\"name\":\"ci\",\"revoked\":false,\"active\":true,\"scopes\":[\"api\"]}",
          Reply.json(401, "{\"message\":\"401 Unauthorized\"}"),
          new KeyBook());
  private final FakeToken google =
      new FakeToken(
          "google",
          "/v1beta/models",
          c -> c.query().get("key"),
          "{\"models\":[{\"name\":\"models/gemini-2.0-flash\"}]}",
          Reply.json(
              400,
              "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API"
                  + " key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                  + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                  + "\"domain\":\"googleapis.com\"}]}}"),
          new KeyBook());
  private final FakeToken huggingface =
      FakeToken.bearer(
          "huggingface",
          "/api/whoami-v2",
          "{\"type\":\"user\",\"name\":\"ada\",\"auth\":{\"type\":\"access_token\",\"accessToken\":{\"displayName\":\"ci\",\"role\":\"read\"}}}",
          Reply.json(401, "{\"error\":\"Invalid credentials in Authorization header\"}"));
  private final FakeToken groq =
      FakeToken.bearer(
          "groq",
          "/openai/v1/models",
          "{\"object\":\"list\",\"data\":[]}",
          Reply.json(
              401,
              "{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
  private final FakeToken replicate =
      FakeToken.bearer(
          "replicate",
          "/v1/account",
          "{\"type\":\"user\",\"username\":\"ada\",\"name\":\"Ada\"}",
          Reply.json(
              401,
              "{\"title\":\"Unauthenticated\",\"detail\":\"You did not pass a valid authentication token\",\"status\":401}"));

  private LoopbackProviders servers;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    servers =
        LoopbackProviders.start(
            openai,
            anthropic,
            stripe,
            sts,
            github,
            slack,
            sendgrid,
            twilio,
            mailgun,
            supabase,
            supabase.projectApi(),
            npm,
            resend,
            gitlab,
            google,
            huggingface,
            groq,
            replicate);
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  private VerificationRun run(int attempts, Duration timeout, int perProvider) {
    Map<String, String> urls = new HashMap<>(servers.urlOverrides());
    urls.put("supabase", servers.base("supabase") + "/{ref}");
    return new VerificationRun(
        VerifierCatalog.builtIn(),
        new VerifySettings(
            dev.rekey.rotators.http.ProviderUrls.of(urls),
            timeout,
            perProvider,
            false,
            CanaryList.builtIn(),
            sleeper.policy(attempts)));
  }

  private VerificationRun run() {
    return run(3, Duration.ofSeconds(5), 4);
  }

  /** A live and a revoked credential for every provider. */
  private Map<Credential, Status> cases() {
    Map<Credential, Status> cases = new java.util.LinkedHashMap<>();
    pair(
        cases,
        "openai.service-account-key",
        openai.addKey("proj_1", "sk-svcacct-", "svc_acct_1").secret,
        openai.addKey("proj_1", "sk-svcacct-", "svc_acct_1"),
        openai.keys);
    pair(cases, "anthropic.api-key", anthropic.addKey().secret, anthropic.addKey(), anthropic.keys);
    pair(cases, "stripe.secret-key", stripe.addKey().secret, stripe.addKey(), stripe.keys);
    pair(
        cases,
        "github.personal-access-token",
        github.tokens.add("t1", "ghp_" + KeyBook.random(36), "ci").secret,
        github.tokens.add("t2", "ghp_" + KeyBook.random(36), "ci"),
        github.tokens);
    pair(cases, "slack.bot-token", slack.addToken().secret, slack.addToken(), slack.tokens);
    pair(
        cases,
        "sendgrid.api-key",
        sendgrid.addKey("app").secret,
        sendgrid.addKey("app"),
        sendgrid.keys);
    pair(cases, "npm.access-token", npm.addToken().secret, npm.addToken(), npm.tokens);
    pair(cases, "resend.api-key", resend.addKey("app").secret, resend.addKey("app"), resend.keys);
    pair(
        cases,
        "mailgun.api-key",
        mailgun.addKey("app").secret,
        mailgun.addKey("app"),
        mailgun.keys);
    pair(
        cases,
        "supabase.secret-key",
        supabase.addKey("default").secret,
        supabase.addKey("other"),
        supabase.keys,
        Map.of("supabase.project_ref", supabase.ref));
    pair(
        cases,
        "gitlab.personal-access-token",
        gitlab.addToken("glpat-" + KeyBook.random(20)).secret,
        gitlab.addToken("glpat-" + KeyBook.random(20)),
        gitlab.keys());
    pair(
        cases,
        "google.api-key",
        google.addToken("AIza" + KeyBook.random(35)).secret,
        google.addToken("AIza" + KeyBook.random(35)),
        google.keys());
    pair(
        cases,
        "huggingface.access-token",
        huggingface.addToken("hf_" + KeyBook.random(34)).secret,
        huggingface.addToken("hf_" + KeyBook.random(34)),
        huggingface.keys());
    pair(
        cases,
        "groq.api-key",
        groq.addToken("gsk_" + KeyBook.random(52)).secret,
        groq.addToken("gsk_" + KeyBook.random(52)),
        groq.keys());
    pair(
        cases,
        "replicate.api-token",
        replicate.addToken("r8_" + KeyBook.random(37)).secret,
        replicate.addToken("r8_" + KeyBook.random(37)),
        replicate.keys());
    KeyBook.Key liveSk = twilio.addKey("app");
    KeyBook.Key deadSk = twilio.addKey("old");
    deadSk.live = false;
    cases.put(
        Credentials.of("twilio.api-key", liveSk.secret, Map.of("twilio.api_key_sid", liveSk.id)),
        Status.LIVE);
    cases.put(
        Credentials.of("twilio.api-key", deadSk.secret, Map.of("twilio.api_key_sid", deadSk.id)),
        Status.REVOKED);
    cases.put(
        Credentials.of(
            "twilio.auth-token", twilio.authToken, Map.of("twilio.account_sid", twilio.accountSid)),
        Status.LIVE);
    sts.users.put("AKIAIOSFODNN7LIVE001", "ci-deploy");
    cases.put(
        Credentials.of(
            "aws.access-key",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLIVEKEY0001",
            Map.of("aws.access_key_id", "AKIAIOSFODNN7LIVE001")),
        Status.LIVE);
    cases.put(
        Credentials.of(
            "aws.access-key",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYDEADKEY0001",
            Map.of("aws.access_key_id", "AKIAIOSFODNN7DEAD001")),
        Status.REVOKED);
    return cases;
  }

  private static void pair(
      Map<Credential, Status> cases, String rule, String live, KeyBook.Key dead, KeyBook book) {
    pair(cases, rule, live, dead, book, Map.of());
  }

  private static void pair(
      Map<Credential, Status> cases,
      String rule,
      String live,
      KeyBook.Key dead,
      KeyBook book,
      Map<String, String> facts) {
    book.revokeSecret(dead.secret);
    cases.put(Credentials.of(rule, live, facts), Status.LIVE);
    cases.put(Credentials.of(rule, dead.secret, facts), Status.REVOKED);
  }

  @Test
  void marksLiveAndRevokedKeysOfEveryProvider() {
    VerificationRun run = run();
    Map<Credential, Status> cases = cases();
    List<String> wrong = new ArrayList<>();
    cases.forEach(
        (credential, expected) -> {
          Verified answer = run.verify(credential);
          if (answer.status() != expected) {
            wrong.add(credential.ruleId() + ": expected " + expected + ", got " + answer);
          }
        });
    assertThat(wrong).isEmpty();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(33);
  }

  @Test
  void everyAnswerNamesWhatTheProviderSaidAndNeverTheSecret() {
    VerificationRun run = run();
    cases()
        .keySet()
        .forEach(
            c ->
                assertThat(run.verify(c).reason())
                    .isNotBlank()
                    .doesNotContain(java.util.Objects.requireNonNull(c.secret()).reveal()));
  }

  @Test
  void retriesA429HonouringRetryAfterThenAnswers() {
    Credential key =
        Credentials.of("openai.api-key", openai.addKey("proj_1", "sk-proj-", "user_1").secret);
    servers.failNext(
        "openai",
        Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")
            .withHeader("Retry-After", "7"));

    Verified answer = run().verify(key);

    assertThat(answer.status()).isEqualTo(Status.LIVE);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(servers.calls("openai")).hasSize(2);
  }

  @Test
  void retriesSlacksRatelimitedAnswer() {
    Credential token = Credentials.of("slack.bot-token", slack.addToken().secret);
    servers.failNext(
        "slack",
        Reply.json(429, "{\"ok\":false,\"error\":\"ratelimited\"}").withHeader("Retry-After", "3"));
    assertThat(run().verify(token).status()).isEqualTo(Status.LIVE);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retriesServerErrorsAndGivesUpWithAnError() {
    Credential key = Credentials.of("stripe.secret-key", stripe.addKey().secret);
    servers.failNext(
        "stripe", Reply.json(500, "{\"error\":{\"message\":\"An unknown error occurred\"}}"));
    assertThat(run().verify(key).status()).isEqualTo(Status.LIVE);

    for (int i = 0; i < 3; i++) {
      servers.failNext(
          "stripe", Reply.json(503, "{\"error\":{\"message\":\"Service unavailable\"}}"));
    }
    Verified failing = run().verify(key);
    assertThat(failing.status()).isEqualTo(Status.ERROR);
    assertThat(failing.reason()).contains("gave up").contains("503");
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeIsAnError() {
    Credential key =
        Credentials.of("groq.api-key", groq.addToken("gsk_" + KeyBook.random(52)).secret);
    servers.failNext("groq", Reply.json(200, "{}").delayed(1500));
    servers.failNext("groq", Reply.json(200, "{}").delayed(1500));

    Verified answer = run(2, Duration.ofMillis(300), 4).verify(key);

    assertThat(answer.status()).isEqualTo(Status.ERROR);
    assertThat(answer.reason()).contains("did not answer within");
  }

  @Test
  void forbiddenMeansLiveButRestrictedAndNotFoundMeansUnknown() {
    Credential key =
        Credentials.of(
            "huggingface.access-token", huggingface.addToken("hf_" + KeyBook.random(34)).secret);
    servers.failNext("huggingface", Reply.json(403, "{\"error\":\"forbidden\"}"));
    servers.failNext("huggingface", Reply.json(404, "{\"error\":\"not found\"}"));
    assertThat(run().verifyNow(key).status()).isEqualTo(Status.LIVE);
    assertThat(run().verifyNow(key).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void asksOncePerFingerprintInARun() {
    Credential key = Credentials.of("sendgrid.api-key", sendgrid.addKey("app").secret);
    VerificationRun run = run();
    run.verify(key);
    run.verify(key);
    assertThat(servers.calls("sendgrid")).hasSize(1);
  }

  @Test
  void limitsCallsInFlightPerProvider() throws Exception {
    List<Credential> keys = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      keys.add(Credentials.of("npm.access-token", npm.addToken().secret));
      servers.failNext("npm", Reply.json(200, "{\"username\":\"ada\"}").delayed(150));
    }
    VerificationRun run = run(3, Duration.ofSeconds(5), 2);
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<Verified>> answers = new ArrayList<>();
      keys.forEach(k -> answers.add(pool.submit(() -> run.verify(k))));
      for (var answer : answers) {
        assertThat(answer.get().status()).isEqualTo(Status.LIVE);
      }
    }
    assertThat(servers.maxInFlight("npm")).isEqualTo(2);
  }

  @Test
  void neverTouchesACanaryToken() {
    String canaryKeyId = AwsKeyIds.forAccount("992382622183");
    Credential canary =
        Credentials.of(
            "aws.access-key",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY00001",
            Map.of("aws.access_key_id", canaryKeyId));

    Verified answer = run().verify(canary);

    assertThat(answer.status()).isEqualTo(Status.UNKNOWN);
    assertThat(answer.reason()).contains("992382622183").contains("canary");
    assertThat(servers.calls("aws")).isEmpty();
  }

  @Test
  void unknownWithoutACheckASecretOrNetworkPermission() {
    VerificationRun run = run();
    assertThat(
            run.verify(Credentials.of("clerk.secret-key", "sk_live_" + KeyBook.random(40)))
                .reason())
        .contains("no read-only check");
    assertThat(
            run.verify(Credentials.of("database.postgres-url", "postgres://app:pw@127.0.0.1:1/app"))
                .reason())
        .contains("--verify-network");
    assertThat(servers.requests()).isEmpty();
  }

  /** Issue 11, item 8: no verification reason quotes the secret, whatever the error says. */
  @Test
  void aReasonNeverQuotesTheSecret() {
    String key = "AIza7D6h0VnpUutZY4bzc0yCLdtl0CTq-6aWPv0";
    Credential credential = Credentials.of("google.api-key", key);
    Verified scrubbed =
        VerificationRun.scrubbed(
            credential,
            Verified.error(
                "gave up: GET https://generativelanguage.googleapis.com/v1beta/models?key="
                    + key
                    + " failed"));
    assertThat(scrubbed.reason()).doesNotContain(key).contains("key=AI…");
    assertThat(scrubbed.status()).isEqualTo(Status.ERROR);
  }
}
