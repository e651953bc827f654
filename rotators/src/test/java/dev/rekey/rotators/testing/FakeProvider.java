package dev.rekey.rotators.testing;

/**
 * One provider's API on the loopback server, speaking its documented contract: status codes,
 * bodies, pagination and rate-limit headers.
 */
public interface FakeProvider {

  /** The provider's name, as in {@link dev.rekey.rotators.http.ProviderUrls}: its URL prefix. */
  String name();

  /** Answers one request; 404 for what the provider does not have. */
  Reply handle(Call call);
}
