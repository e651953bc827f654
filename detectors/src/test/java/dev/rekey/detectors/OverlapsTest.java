package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which reading of a piece of text wins when several rules match it. */
class OverlapsTest {
  private static final Engine ENGINE = new Engine(RuleCatalog.builtIn());

  @Test
  void providerRulesBeatGenericOnes() {
    assertThat(ids("API_TOKEN=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"))
        .containsExactly("github.personal-access-token");
  }

  @Test
  void aRejectedProviderCandidateStillSilencesGenericRules() {
    // Right shape, wrong checksum: a fake GitHub token is not a generic secret either.
    assertThat(ids("API_TOKEN=ghp_bF3G6mvvrmlETKaCKF9AkJnexSJ8VHabcdeZ")).isEmpty();
  }

  @Test
  void moreSpecificProviderRulesSupersedeOthers() {
    assertThat(ids("CLERK_SECRET_KEY=sk_live_Qm7Xc2Vt9LpZr4Kw8NbH3JyF6DsGa1TeUo5RiEqW"))
        .containsExactly("clerk.secret-key");
    assertThat(
            ids(
                "const firebaseConfig = { apiKey: \"AIzaSyB7xq9Lm2VtR4wZp8KcN3bH6jF1dG5sTeY\","
                    + " authDomain: \"shop.firebaseapp.com\" };"))
        .containsExactly("firebase.web-api-key");
  }

  @Test
  void publishableKeysAreInfoWithTheirOwnKind() {
    List<Match> matches =
        detect("NEXT_PUBLIC_STRIPE_KEY=pk_live_51H7qLmXc2Vt9LpZr4Kw8NbH3JyF6DsGa1TeUo5RiEqW");
    assertThat(matches)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule().kind()).isEqualTo("publishable-key");
              assertThat(m.severity()).isEqualTo(Severity.INFO);
            });
  }

  @Test
  void everyPublishableRuleIsInfoOrLow() {
    for (Rule rule : RuleCatalog.builtIn()) {
      if (rule.kind().equals("publishable-key")) {
        assertThat(rule.severity()).as(rule.id()).isIn(Severity.INFO, Severity.LOW);
      }
    }
  }

  @Test
  void databaseUrlsRecordFactsAndBeatTheGenericUrlRule() {
    List<Match> matches =
        detect("DATABASE_URL=postgresql://app_user:q9Vt2mXr7LwZpK4s@db.prod.internal:5432/orders");
    assertThat(matches)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.rule().id()).isEqualTo("database.postgres-url");
              assertThat(m.facts())
                  .containsEntry("db.user", "app_user")
                  .containsEntry("db.host", "db.prod.internal")
                  .containsEntry("db.port", "5432")
                  .containsEntry("db.name", "orders");
              assertThat(m.secret().reveal()).startsWith("postgresql://").endsWith("/orders");
            });
  }

  @Test
  void localDatabasesAreLow() {
    assertThat(detect("REDIS_URL=redis://default:Zk3f9QwT7xLm2PvR@localhost:6379/0"))
        .singleElement()
        .satisfies(m -> assertThat(m.severity()).isEqualTo(Severity.LOW));
  }

  private static List<String> ids(String text) {
    return detect(text).stream().map(m -> m.rule().id()).toList();
  }

  private static List<Match> detect(String text) {
    return ENGINE.detect(text.getBytes(StandardCharsets.UTF_8));
  }
}
