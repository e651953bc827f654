package dev.rekey.cli;

import dev.rekey.scanner.bundle.BundleSource;
import dev.rekey.scanner.bundle.SiteLimits;
import dev.rekey.scanner.bundle.SiteSource;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options of {@code rekey scan} for built client bundles and deployed sites. */
final class BundleOptions {
  @Option(
      names = "--bundle",
      paramLabel = "DIR",
      description =
          "Scan DIR as a built client bundle (dist/, build/, .next/, …) with its source maps, "
              + "even if git ignores it. Repeatable. Without PATH, only bundles and URLs are "
              + "scanned.")
  List<Path> bundles = new ArrayList<>();

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Fetch the page at URL and scan it, the scripts, module preloads and stylesheets it "
              + "links, the chunks they load and their source maps: on its origin only, at most "
              + "200 requests and 2 minutes. Repeatable.")
  List<URI> urls = new ArrayList<>();

  /** Whether any bundle or URL was given. */
  boolean any() {
    return !bundles.isEmpty() || !urls.isEmpty();
  }

  /** What is wrong with the options (what failed: why: what to do), or null. */
  @Nullable String invalid() {
    for (Path bundle : bundles) {
      if (!Files.isDirectory(bundle)) {
        return bundle + ": no such build folder: build the app first, or check the path";
      }
    }
    for (URI url : urls) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
        return url + ": not an http or https URL: give one like https://example.com/";
      }
    }
    return null;
  }

  /**
   * Where a scan of the bundles alone looks for its baseline and configuration: the folder of the
   * first bundle given (paths are reported from there), or null when only URLs are given.
   */
  @Nullable Path top() {
    if (bundles.isEmpty()) {
      return null;
    }
    Path bundle = bundles.getFirst().toAbsolutePath().normalize();
    Path parent = bundle.getParent();
    return parent != null ? parent : bundle;
  }

  /** The sources for the bundles and URLs given. */
  List<Source> sources(ScanSettings settings) {
    List<Source> sources = new ArrayList<>();
    bundles.forEach(dir -> sources.add(BundleSource.of(dir, settings)));
    urls.forEach(url -> sources.add(new SiteSource(url, settings, SiteLimits.defaults())));
    return sources;
  }
}
