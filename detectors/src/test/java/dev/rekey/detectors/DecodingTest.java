package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets hidden in encoded text are found and reported at the encoded text. */
class DecodingTest {
  private static final Engine ENGINE = new Engine(RuleCatalog.builtIn());
  private static final String STRIPE =
      "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";

  @Test
  void kubernetesSecretDataValuesAreDecoded() {
    String text =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n"
            + "  STRIPE_KEY: "
            + base64(STRIPE)
            + "\n  DB_PASSWORD: "
            + base64("Vx7#pL2q!Rt9")
            + "\n";
    List<Match> matches = detect(text);
    assertThat(matches)
        .extracting(m -> m.rule().id())
        .containsExactly("stripe.secret-key", "generic.password");
    Match stripe = matches.getFirst();
    assertThat(stripe.secret().reveal()).isEqualTo(STRIPE);
    assertThat(stripe.start()).isEqualTo(text.indexOf(base64(STRIPE)));
    assertThat(stripe.facts()).containsEntry("encoding", "base64");
  }

  @Test
  void basicAuthHeadersAreDecoded() {
    String text = "curl -H 'Authorization: Basic " + base64("deploy:Zq8vN2xLp4Rt") + "' https://ci";
    assertThat(detect(text))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule().id()).isEqualTo("http.basic-auth");
              assertThat(m.secret().reveal()).isEqualTo("deploy:Zq8vN2xLp4Rt");
              assertThat(m.start()).isEqualTo(text.indexOf("Basic ") + 6);
            });
  }

  @Test
  void percentEncodedSecretsAreDecoded() {
    String hook =
        "https://hooks.slack.com/services/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";
    String encoded = URLEncoder.encode(hook, StandardCharsets.UTF_8);
    String text = "redirect=" + encoded + "&x=1";
    assertThat(detect(text))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule().id()).isEqualTo("slack.webhook-url");
              assertThat(m.secret().reveal()).isEqualTo(hook);
              assertThat(m.start()).isEqualTo(text.indexOf(encoded));
              assertThat(m.facts()).containsEntry("encoding", "percent");
            });
  }

  @Test
  void javascriptEscapesAreDecoded() {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < STRIPE.length(); i++) {
      escaped.append(String.format("\\x%02x", (int) STRIPE.charAt(i)));
    }
    String text = "var k=\"" + escaped + "\";";
    assertThat(detect(text))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.secret().reveal()).isEqualTo(STRIPE);
              assertThat(m.start()).isEqualTo(text.indexOf("\\x"));
              assertThat(m.facts()).containsEntry("encoding", "js-escape");
            });
    String unicode = "const k = '\\u0073\\u006b" + STRIPE.substring(2) + "';";
    assertThat(detect(unicode)).extracting(m -> m.secret().reveal()).containsExactly(STRIPE);
  }

  @Test
  void base64DataUrisAndDecodeCallsAreDecoded() {
    String uri = "fetch('data:text/plain;base64," + base64("token=" + STRIPE) + "')";
    assertThat(detect(uri)).extracting(m -> m.rule().id()).containsExactly("stripe.secret-key");
    String atob = "const key = atob(\"" + base64(STRIPE) + "\");";
    assertThat(detect(atob)).extracting(m -> m.secret().reveal()).containsExactly(STRIPE);
    String image = "url(data:image/png;base64," + base64(STRIPE) + ")";
    assertThat(detect(image)).isEmpty();
  }

  @Test
  void dockerConfigInsideAKubernetesSecretIsDecodedTwice() {
    String config =
        "{\"auths\":{\"registry.acme-corp.net\":{\"auth\":\""
            + base64("deployer:Vb6nQ2xR8tLp")
            + "\"}}}";
    String text = "data:\n  .dockerconfigjson: " + base64(config) + "\n";
    assertThat(detect(text))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule().id()).isEqualTo("docker.config-auth");
              assertThat(m.facts()).containsEntry("encoding", "base64+base64");
              int encoded = text.indexOf(base64(config));
              assertThat(m.start()).isBetween(encoded, encoded + base64(config).length());
            });
  }

  @Test
  void encodedSecretsHonourInlineSuppression() {
    String text = "Authorization: Basic " + base64("deploy:Zq8vN2xLp4Rt") + " # rekey:allow";
    assertThat(detect(text)).isEmpty();
  }

  private static List<Match> detect(String text) {
    return ENGINE.detect(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
