package dev.rekey.rotators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.testing.AwsKeyIds;
import dev.rekey.rotators.testing.Credentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryListTest {

  @Test
  void decodesTheAccountEncodedInAKeyId() {
    assertThat(CanaryList.awsAccount(AwsKeyIds.forAccount("123456789012")))
        .isEqualTo("123456789012");
    assertThat(CanaryList.awsAccount("not-a-key")).isNull();
  }

  @Test
  void matchesBuiltInAccountsAndUserEntries() {
    CanaryList list = CanaryList.builtInWith(List.of("111122223333", "ghp_canary"));
    assertThat(list.match(aws("717712589309"))).isPresent();
    assertThat(list.match(aws("111122223333"))).isPresent();
    assertThat(list.match(aws("123456789012"))).isEmpty();
    assertThat(
            list.match(
                Credentials.of(
                    "github.personal-access-token", "ghp_canary0123456789012345678901234567")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("ghp_canary"));
  }

  private static dev.rekey.rotators.Credential aws(String account) {
    return Credentials.of(
        "aws.access-key",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1",
        Map.of("aws.access_key_id", AwsKeyIds.forAccount(account)));
  }
}
