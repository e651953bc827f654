package dev.rekey.rotators.store;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.rotators.http.ProviderUrls;

/**
 * How a store that publishes to a provider's API reaches it: with whose token, at which base URLs,
 * through which client.
 *
 * @param token a token allowed to write the target's secrets or variables
 * @param urls the providers' base URLs
 * @param client sends the requests
 */
public record ApiAccount(SecretValue token, ProviderUrls urls, ProviderClient client) {}
