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
}
