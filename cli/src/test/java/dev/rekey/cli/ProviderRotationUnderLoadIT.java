package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.cli.load.Figures;
import dev.rekey.cli.load.HttpBackend;
import dev.rekey.cli.load.LoadApp;
import dev.rekey.cli.load.LoadHarness;
import dev.rekey.cli.load.LoadReport;
import dev.rekey.cli.load.SecretCache;
import dev.rekey.cli.load.SecretSource;
import dev.rekey.rotators.UsageCheck;
import dev.rekey.rotators.testing.FakeMailgun;
import dev.rekey.rotators.testing.FakeOpenAi;
import dev.rekey.rotators.testing.FakeSendGrid;
import dev.rekey.rotators.testing.FakeSupabase;
import dev.rekey.rotators.testing.FakeTwilio;
import dev.rekey.rotators.testing.KeyBook;
import dev.rekey.rotators.testing.LoopbackProviders;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automated provider rotators under the load harness, with a grace: an OpenAI service-account
 * key, a SendGrid key, a Twilio API key, a Supabase secret key and a Mailgun key rotated in one run
 * into Secrets Manager while an application calls each provider's loopback API with the key it
 * reads from there, every second re-reading it. Not one request fails.
 */
class ProviderRotationUnderLoadIT {
  private static final ItServers SERVERS = new ItServers();
  private static final Duration GRACE = Duration.ofSeconds(3);

  private final FakeOpenAi openai = new FakeOpenAi("proj_app");
  private final FakeSendGrid sendgrid = new FakeSendGrid();
  private final FakeTwilio twilio = new FakeTwilio();
  private final FakeSupabase supabase = new FakeSupabase();
  private final FakeMailgun mailgun = new FakeMailgun();

  @TempDir Path temp;

  /** One leaked key: its finding, the store's entries, and the call the application makes. */
  private record Leak(
      KeyBook.Key key,
      String rule,
      String provider,
      String kind,
      Map<String, String> facts,
      Map<String, String> entries,
      Function<Map<String, String>, HttpRequest> call) {}

  @Test
  void providerKeysRotateWithAGraceWithoutAFailedRequest() throws Exception {
    try (LoopbackProviders servers =
        LoopbackProviders.start(
            openai, sendgrid, twilio, supabase, supabase.projectApi(), mailgun)) {
      Map<String, Leak> leaks = leaks(servers);
      String prefix = "load-" + UUID.randomUUID().toString().substring(0, 8);
      Map<String, LoadApp.Stream> streams = new LinkedHashMap<>();
      List<com.fasterxml.jackson.databind.node.ObjectNode> findings = new ArrayList<>();
      leaks.forEach(
          (name, leak) -> {
            String secret = prefix + "/" + leak.rule();
            SERVERS.createSecret(secret, LoadFixture.payload(leak.entries()));
            streams.put(
                name,
                new LoadApp.Stream(
                    new SecretCache(
                        SecretSource.secretsManager(SERVERS::secretsManager, secret),
                        RotationUnderLoadIT.TTL),
                    new HttpBackend(leak.call())));
            findings.add(
                LoadFixture.finding(
                    leak.rule(), leak.provider(), leak.kind(), leak.key().secret, leak.facts()));
          });
      Path report = LoadFixture.report(temp.resolve("report.jsonl"), findings);

      List<LoadReport> figures;
      try (LoadHarness load = LoadHarness.start(streams, RotationUnderLoadIT.RATE)) {
        load.awaitServed(RotationUnderLoadIT.RATE, Duration.ofSeconds(30));
        new LoadRotation(env(), temp.resolve("journals"))
            .rotateToTheEnd(
                report,
                GRACE.plus(UsageCheck.QUIET),
                arguments(servers, prefix).toArray(String[]::new));
        Thread.sleep(2 * RotationUnderLoadIT.TTL.toMillis());
        figures = load.stop();
      }

      leaks.values().forEach(l -> assertThat(stillListed(l)).as(l.rule()).isFalse());
      for (LoadReport stream : figures) {
        Figures.record(stream.stream() + " with a grace", stream);
        RotationUnderLoadIT.assertSteadyAndClean(stream);
      }
    }
  }

  private boolean stillListed(Leak leak) {
    return switch (leak.rule()) {
      case "openai.service-account-key" -> openai.keys.byId(leak.key().id).isPresent();
      case "sendgrid.api-key" -> sendgrid.keys.byId(leak.key().id).isPresent();
      case "twilio.api-key" -> twilio.keys.byId(leak.key().id).isPresent();
      case "supabase.secret-key" -> supabase.keys.byId(leak.key().id).isPresent();
      default -> mailgun.keys.byId(leak.key().id).isPresent();
    };
  }

  private Map<String, Leak> leaks(LoopbackProviders servers) {
    Map<String, Leak> leaks = new LinkedHashMap<>();
    KeyBook.Key oa = openai.addKey("proj_app", "sk-svcacct-", "svc_acct_web");
    leaks.put(
        "openai",
        new Leak(
            oa,
            "openai.service-account-key",
            "OpenAI",
            "service-account-key",
            Map.of(),
            Map.of("OPENAI_SERVICE_ACCOUNT_KEY", oa.secret),
            s ->
                bearer(
                    servers.base("openai") + "/v1/models",
                    s.getOrDefault("OPENAI_SERVICE_ACCOUNT_KEY", ""))));
    KeyBook.Key sg = sendgrid.addKey("production");
    leaks.put(
        "sendgrid",
        new Leak(
            sg,
            "sendgrid.api-key",
            "SendGrid",
            "api-key",
            Map.of(),
            Map.of("SENDGRID_API_KEY", sg.secret),
            s ->
                bearer(
                    servers.base("sendgrid") + "/v3/scopes",
                    s.getOrDefault("SENDGRID_API_KEY", ""))));
    KeyBook.Key tw = twilio.addKey("web");
    leaks.put(
        "twilio",
        new Leak(
            tw,
            "twilio.api-key",
            "Twilio",
            "api-key",
            Map.of("twilio.api_key_sid", tw.id),
            Map.of("TWILIO_API_KEY", tw.id, "TWILIO_API_SECRET", tw.secret),
            s ->
                basic(
                    servers.base("twilio") + "/2010-04-01/Accounts.json",
                    s.getOrDefault("TWILIO_API_KEY", ""),
                    s.getOrDefault("TWILIO_API_SECRET", ""))));
    KeyBook.Key sb = supabase.addKey("default");
    leaks.put(
        "supabase",
        new Leak(
            sb,
            "supabase.secret-key",
            "Supabase",
            "secret-key",
            Map.of(),
            Map.of("SUPABASE_SECRET_KEY", sb.secret),
            s ->
                HttpRequest.newBuilder(
                        URI.create(servers.base("supabase") + "/" + supabase.ref + "/rest/v1/"))
                    .header("apikey", s.getOrDefault("SUPABASE_SECRET_KEY", ""))
                    .build()));
    KeyBook.Key mg = mailgun.addKey("production");
    leaks.put(
        "mailgun",
        new Leak(
            mg,
            "mailgun.api-key",
            "Mailgun",
            "api-key",
            Map.of(),
            Map.of("MAILGUN_API_KEY", mg.secret),
            s ->
                basic(
                    servers.base("mailgun") + "/v3/domains",
                    "api",
                    s.getOrDefault("MAILGUN_API_KEY", ""))));
    return leaks;
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(SERVERS.env());
    env.put("OPENAI_ADMIN_KEY", openai.adminKey);
    env.put("TWILIO_ACCOUNT_SID", twilio.accountSid);
    env.put("TWILIO_AUTH_TOKEN", twilio.authToken);
    env.put("SUPABASE_ACCESS_TOKEN", supabase.accessToken);
    return env;
  }

  private static List<String> arguments(LoopbackProviders servers, String prefix) {
    Map<String, String> urls = new HashMap<>(servers.urlOverrides());
    urls.put("supabase", servers.base("supabase") + "/{ref}");
    List<String> args =
        new ArrayList<>(List.of("--store", "aws-sm:" + prefix + "/{rule}", "--grace", "3s"));
    args.addAll(ProviderFixture.urlArgs(urls));
    return args;
  }

  private static HttpRequest bearer(String url, String key) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build();
  }

  private static HttpRequest basic(String url, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Basic " + token)
        .build();
  }
}
