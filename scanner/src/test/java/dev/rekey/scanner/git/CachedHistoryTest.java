package dev.rekey.scanner.git;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of scans kept between runs start from: the {@code history} fixture repository, a
 * cache folder of its own, and scans of it with and without that cache.
 */
abstract class CachedHistoryTest {
  /** A line adding a GitHub token, for new commits that bring a secret. */
  static final String TOKEN = "GITHUB_TOKEN=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\n";

  @TempDir Path temp;
  Path repo;
  CacheFolder cache;

  @BeforeEach
  void buildHistory() throws Exception {
    repo = GitFixture.build("history", temp.resolve("repo"));
    cache = new CacheFolder(temp.resolve("cache/rekey"));
  }

  /** A scan of {@link #repo} with the cache, under the rules-and-settings key {@code key}. */
  HistoryScan cached(String key) throws Exception {
    return HistoryScan.of(repo, new HistoryScope(false, null, key, cache));
  }

  HistoryScan cached() throws Exception {
    return cached("key");
  }

  /** A scan of {@link #repo} listing every commit afresh, with no cache. */
  HistoryScan fresh() throws Exception {
    return HistoryScan.of(repo, HistoryScope.FULL);
  }

  /** The file {@code name} the cache keeps for {@link #repo}. */
  Path kept(String name) throws Exception {
    return cache.repository(repo.resolve(".git").toRealPath()).resolve(name);
  }
}
