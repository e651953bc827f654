package dev.rekey.scanner.bundle;

import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.OriginalPositions;
import dev.rekey.scanner.model.Provenance;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** A deployed site; asset names are URLs, every asset is public, and only its origin is fetched. */
final class SiteOrigin implements AssetOrigin {
  private final SiteFetcher fetcher;

  SiteOrigin(SiteFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Override
  public Provenance provenance(
      String name, Exposure exposure, @Nullable OriginalPositions positions) {
    return new Provenance.Url(name, positions);
  }

  @Override
  public Exposure exposure(String name, byte[] content) {
    return Exposure.PUBLIC;
  }

  @Override
  public @Nullable String resolve(String from, String reference) {
    URI resolved = HtmlLinks.resolve(URI.create(from), reference);
    return resolved == null || !fetcher.sameOrigin(resolved) ? null : resolved.toString();
  }

  @Override
  public byte @Nullable [] read(String name) throws IOException {
    SiteFetcher.Response response = fetcher.get(URI.create(name));
    return response.ok() && fetcher.sameOrigin(response.uri()) ? response.body() : null;
  }

  @Override
  public String sourceDir(String mapName) {
    String path = String.valueOf(URI.create(mapName).getPath());
    return SourceNames.parent(path.startsWith("/") ? path.substring(1) : path);
  }

  @Override
  public @Nullable String absoluteRoot() {
    return null;
  }
}
