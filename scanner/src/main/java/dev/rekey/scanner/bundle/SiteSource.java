package dev.rekey.scanner.bundle;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A deployed site, scanned like a local bundle: the page, the scripts, module preloads and
 * stylesheets it links, the chunks those scripts load, and their source maps (named by a comment, a
 * {@code SourceMap} or {@code X-SourceMap} header, or lying beside them) — on the page's origin
 * only, within {@link SiteLimits}. Everything found there is public.
 */
public final class SiteSource implements Source {
  private final URI page;
  private final ScanSettings settings;
  private final SiteLimits limits;

  public SiteSource(URI page, ScanSettings settings, SiteLimits limits) {
    this.page = page;
    this.settings = settings;
    this.limits = limits;
  }

  @Override
  public String describe() {
    return "site " + page;
  }

  @Override
  public void scan(BlobSink sink) throws SourceException {
    SiteFetcher fetcher = new SiteFetcher(limits, settings.maxBlobBytes());
    SiteFetcher.Response first;
    try {
      first = fetcher.get(page);
    } catch (IOException e) {
      throw new SourceException(
          page
              + ": cannot fetch: "
              + SiteFetcher.reason(e)
              + ": check the URL and that the site is up",
          e);
    }
    if (!first.ok()) {
      throw new SourceException(
          page + ": the server answered HTTP " + first.status() + ": check the URL");
    }
    new Crawl(fetcher, new AssetScanner(new SiteOrigin(fetcher), sink), sink).run(first);
  }

  /** One walk over the site: a queue of linked resources, each fetched once. */
  private static final class Crawl {
    private final SiteFetcher fetcher;
    private final AssetScanner scanner;
    private final BlobSink sink;
    private final Deque<Link> queue = new ArrayDeque<>();
    private final Set<URI> visited = new HashSet<>();
    private int otherOrigins;

    Crawl(SiteFetcher fetcher, AssetScanner scanner, BlobSink sink) {
      this.fetcher = fetcher;
      this.scanner = scanner;
      this.sink = sink;
    }

    /** A resource to fetch; {@code linked} when the page names it, not guessed from a script. */
    private record Link(URI uri, boolean linked) {}

    void run(SiteFetcher.Response page) {
      visited.add(page.uri());
      scanner.scan(page.uri().toString(), page.body(), page.sourceMap());
      HtmlLinks.of(page.body(), page.uri()).forEach(uri -> queue.add(new Link(uri, true)));
      while (!queue.isEmpty()) {
        Link link = queue.poll();
        if (!fetcher.sameOrigin(link.uri())) {
          otherOrigins++;
        } else if (visited.add(link.uri()) && !fetch(link)) {
          break;
        }
      }
      if (otherOrigins > 0) {
        sink.problem(
            Problem.skipped(
                page.uri().toString(),
                otherOrigins
                    + " linked resources on other origins not fetched (same origin only)"));
      }
    }

    /** Fetches and scans one resource; false when a limit stops the walk. */
    private boolean fetch(Link link) {
      SiteFetcher.Response response;
      try {
        response = fetcher.get(link.uri());
      } catch (SiteFetcher.LimitReached e) {
        sink.problem(
            Problem.skipped(
                link.uri().toString(),
                "not fetched, nor " + queue.size() + " more: " + e.getMessage()));
        return false;
      } catch (IOException e) {
        sink.problem(
            Problem.error(link.uri().toString(), "cannot fetch: " + SiteFetcher.reason(e)));
        return true;
      }
      if (!response.ok() || !fetcher.sameOrigin(response.uri())) {
        if (link.linked()) {
          sink.problem(
              Problem.skipped(
                  link.uri().toString(),
                  "not scanned: the server answered HTTP " + response.status()));
        }
        return true;
      }
      String name = response.uri().toString();
      scanner.scan(name, response.body(), response.sourceMap());
      if (AssetScanner.isScript(name)) {
        ChunkReferences.of(response.body(), response.uri())
            .forEach(uri -> queue.add(new Link(uri, false)));
      }
      return true;
    }
  }
}
