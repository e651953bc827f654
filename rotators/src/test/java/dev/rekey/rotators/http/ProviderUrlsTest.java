package dev.rekey.rotators.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderUrlsTest {

  @Test
  void overridesReplaceTheProvidersOwnUrls() {
    ProviderUrls urls = ProviderUrls.of(Map.of("gitlab", "https://gitlab.example.com/"));
    assertThat(urls.resolve("gitlab", "/api/v4/personal_access_tokens/self").toString())
        .isEqualTo("https://gitlab.example.com/api/v4/personal_access_tokens/self");
    assertThat(urls.base("openai")).isEqualTo("https://api.openai.com");
    assertThat(urls.overridden("gitlab")).isTrue();
    assertThat(urls.overridden("openai")).isFalse();
  }

  @Test
  void unknownNamesAndNonHttpUrlsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> ProviderUrls.of(Map.of("gitlba", "https://x")))
        .hasMessageContaining("unknown provider 'gitlba'")
        .hasMessageContaining("gitlab");
    assertThatThrownBy(() -> ProviderUrls.of(Map.of("openai", "ftp://x")))
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> ProviderUrls.parsePairs(List.of("openai")))
        .hasMessageContaining("NAME=URL");
  }

  /** Issue 11, item 1: secrets never travel over plain http beyond this machine. */
  @Test
  void plainHttpOnlyForLoopbackHosts() {
    for (String url :
        List.of(
            "http://127.0.0.1:8080",
            "http://127.3.2.1",
            "http://localhost:1",
            "http://[::1]:9/x",
            "http://127.0.0.1:9/supabase/{ref}")) {
      assertThat(ProviderUrls.of(Map.of("openai", url)).overridden("openai")).as(url).isTrue();
    }
    for (String url :
        List.of(
            "http://example.com",
            "http://10.0.0.1",
            "http://127.0.0.1.evil.test",
            "http://localhost.evil.test",
            "http://128.0.0.1")) {
      assertThatThrownBy(() -> ProviderUrls.of(Map.of("openai", url)))
          .as(url)
          .hasMessageContaining("plain http")
          .hasMessageContaining("use https");
    }
    assertThat(ProviderUrls.of(Map.of("openai", "https://proxy.example")).overrides())
        .containsExactly(Map.entry("openai", "https://proxy.example"));
  }
}
