package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The history of a repository given by URL: cloned bare (a mirror: every ref, no checkout) into a
 * temporary folder, scanned like a local repository, and deleted when the scan is done.
 */
public final class RemoteHistorySource implements Source, AutoCloseable {
  private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.+");
  private static final Pattern SCP_LIKE = Pattern.compile("^[^/@:]+@[^/:]+:.+");

  private final String url;
  private final ScanSettings settings;
  private final HistoryScope scope;
  private @Nullable Path clone;
  private @Nullable HistorySource history;

  public RemoteHistorySource(String url, ScanSettings settings, HistoryScope scope) {
    this.url = url;
    this.settings = settings;
    this.scope = new HistoryScope(scope.allObjects(), scope.range(), null);
  }

  /**
   * Whether {@code target} is a git URL ({@code https://…}, {@code git://…}, {@code
   * user@host:path}).
   */
  public static boolean isUrl(String target) {
    return URL.matcher(target).matches() || SCP_LIKE.matcher(target).matches();
  }

  /** The URL without any user name or password it carries, for messages. */
  public static String display(String url) {
    return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
  }

  @Override
  public String describe() {
    return "history of " + display(url);
  }

  @Override
  public void scan(BlobSink plain) throws SourceException {
    HistorySink sink = HistorySink.of(plain);
    Path target;
    try {
      target = Files.createTempDirectory("rekey-clone-");
    } catch (IOException e) {
      throw new SourceException(
          "cannot create a temporary folder to clone into: " + e.getMessage(), e);
    }
    clone = target;
    Cloner.mirror(url, target.resolve("repo.git"));
    HistorySource source = new HistorySource(target.resolve("repo.git"), settings, scope);
    history = source;
    source.scan(sink);
  }

  @Override
  public void locate(Set<BlobId> matched, HistorySink sink) throws SourceException {
    HistorySource source = history;
    if (source != null) {
      source.locate(matched, sink);
    }
  }

  @Override
  public List<Problem> settle() {
    HistorySource source = history;
    return source == null ? List.of() : source.settle();
  }

  /**
   * Deletes the clone.
   *
   * @throws IOException when part of it could not be deleted
   */
  @Override
  public void close() throws IOException {
    HistorySource source = history;
    if (source != null) {
      source.close();
      history = null;
    }
    Path target = clone;
    if (target != null) {
      clone = null;
      try (Stream<Path> files = Files.walk(target)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
