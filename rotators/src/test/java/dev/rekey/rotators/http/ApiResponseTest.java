package dev.rekey.rotators.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponseTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private static ApiResponse response(int status, Map<String, List<String>> headers) {
    return new ApiResponse(status, headers, "");
  }

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    assertThat(response(429, Map.of("retry-after", List.of("7"))).retryAfter(NOW))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(
            response(503, Map.of("Retry-After", List.of("Sun, 01 Mar 2026 10:00:30 GMT")))
                .retryAfter(NOW))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(response(429, Map.of()).retryAfter(NOW)).isNull();
  }

  @Test
  void anExhaustedGitHubRateLimitIsRetryableUntilItsReset() {
    ApiResponse limited =
        response(
            403,
            Map.of(
                "x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of(Long.toString(NOW.getEpochSecond() + 42))));
    assertThat(limited.retryable()).isTrue();
    assertThat(limited.retryAfter(NOW)).isEqualTo(Duration.ofSeconds(42));
    assertThat(response(403, Map.of()).retryable()).isFalse();
  }

  @Test
  void summariesNeverRepeatAKeyTheProviderEchoes() {
    ApiResponse echo =
        new ApiResponse(
            401,
            Map.of(),
            "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz0123\"}}");
    assertThat(echo.summary())
        .startsWith("401 Incorrect API key provided: sk-p…")
        .doesNotContain("abcdefghijklmnop");
  }
}
