package dev.rekey.cli.load;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * STS {@code GetCallerIdentity} signed with the secret's access key, against moto: the key works
 * when STS names the application's IAM user. Moto answers a key it does not know (a deleted one)
 * with its default identity where AWS says {@code InvalidClientTokenId}: both count as refused.
 * Moto does not refuse an inactive key; rekey deletes the old key right after deactivating it.
 */
public final class StsBackend implements Backend {
  private final URI endpoint;
  private final String user;
  private final Map<String, StsClient> clients = new ConcurrentHashMap<>();

  public StsBackend(URI endpoint, String user) {
    this.endpoint = endpoint;
    this.user = user;
  }

  @Override
  public Answer use(Map<String, String> secret) {
    String id = Objects.requireNonNull(secret.get("AWS_ACCESS_KEY_ID"), "no AWS_ACCESS_KEY_ID");
    String key = Objects.requireNonNull(secret.get("AWS_SECRET_ACCESS_KEY"), "no secret key");
    StsClient sts = clients.computeIfAbsent(id + ":" + key, k -> client(id, key));
    try {
      String arn = sts.getCallerIdentity().arn();
      return arn.endsWith(":user/" + user) ? Answer.OK : Answer.REFUSED;
    } catch (AwsServiceException e) {
      if (e.statusCode() == 403) {
        return Answer.REFUSED;
      }
      throw e;
    }
  }

  private StsClient client(String id, String key) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, key)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Override
  public void close() {
    clients.values().forEach(StsClient::close);
  }
}
