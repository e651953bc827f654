package dev.rekey.cli;

import dev.rekey.detectors.Rule;
import dev.rekey.scanner.Sources;
import dev.rekey.scanner.git.CacheFolder;
import dev.rekey.scanner.git.HistoryScope;
import dev.rekey.scanner.git.RecordKey;
import dev.rekey.scanner.git.RemoteHistorySource;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How much of a repository's history {@code rekey scan} covers. */
final class HistoryOptions {
  @Option(
      names = "--all-objects",
      description =
          "Also scan objects no ref reaches: commits left by force-pushes, rebases and deleted"
              + " branches, and blobs never committed.")
  boolean allObjects;

  @Option(
      names = "--since",
      paramLabel = "REV",
      description =
          "Scan only what the commits after REV introduced (REV..HEAD), not the working tree.")
  @Nullable String since;

  @Option(
      names = "--range",
      paramLabel = "A..B",
      description =
          "Scan only what the commits of A..B introduced, e.g. origin/main..HEAD (what a push or"
              + " pull request adds), not the working tree.")
  @Nullable String range;

  @Option(
      names = "--no-cache",
      description =
          "Read every blob and list every commit again, ignoring and keeping nothing of what"
              + " earlier scans learned (the record of blobs scanned clean and the history listing, both"
              + " kept in ~/.cache/rekey).")
  boolean noCache;

  @Option(
      names = "--no-history",
      description = "Scan only a repository's working tree, not its history.")
  boolean noHistory;

  @Option(
      names = "--no-delta-proof",
      hidden = true,
      description =
          "Match every blob of a history in full, even those proven keyword-free from their"
              + " delta (same findings; slower; kept to compare).")
  boolean noDeltaProof;

  /** {@code settings} with what these options change in them. */
  ScanSettings tune(ScanSettings settings) {
    return settings.withDeltaProof(!noDeltaProof);
  }

  /** What is wrong with the combination of options, or null. */
  @Nullable String problem() {
    if (since != null && range != null) {
      return "--since and --range cannot be used together: --since REV means --range REV..HEAD";
    }
    String scope = range();
    if (scope != null && !scope.contains("..")) {
      return "--range takes A..B, e.g. origin/main..HEAD: got '" + scope + "'";
    }
    if (noHistory && (scope != null || allObjects)) {
      return "--no-history cannot be combined with --since, --range or --all-objects";
    }
    return null;
  }

  /** Whether {@code target} names a repository to clone rather than a path. */
  static boolean isUrl(String target) {
    return RemoteHistorySource.isUrl(target);
  }

  /**
   * The sources covering {@code target}, a path or a git URL; {@code env} names the user's cache
   * folder, where what listing a history learned is kept for the next scan.
   */
  List<Source> sources(
      String target, ScanSettings settings, List<Rule> rules, Map<String, String> env) {
    String key = noCache ? null : RecordKey.of(rules, settings.maxBlobBytes());
    CacheFolder cache = noCache ? null : CacheFolder.fromEnvironment(env);
    HistoryScope scope = new HistoryScope(allObjects, range(), key, cache);
    if (isUrl(target)) {
      return List.of(new RemoteHistorySource(target, settings, scope));
    }
    return Sources.forPath(Path.of(target), settings, scope, !noHistory);
  }

  private @Nullable String range() {
    return since != null ? since + "..HEAD" : range;
  }
}
