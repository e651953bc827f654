package dev.rekey.cli.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An application's cached copy of its secret, as AWS's secret-caching clients keep it: read once,
 * re-read when it is older than the time to live, and re-read at once when the provider or the
 * database refuses it (the application calls {@link #refresh}). A long time to live is an
 * application that holds the credential it has.
 */
public final class SecretCache {
  private final SecretSource source;
  private final Duration ttl;
  private final AtomicLong reads = new AtomicLong();
  private @Nullable Map<String, String> value;
  private long readAt;

  public SecretCache(SecretSource source, Duration ttl) {
    this.source = source;
    this.ttl = ttl;
  }

  /** The cached value, re-read when it expired. */
  public synchronized Map<String, String> get() throws IOException {
    Map<String, String> cached = value;
    if (cached == null || System.nanoTime() - readAt > ttl.toNanos()) {
      return refresh();
    }
    return cached;
  }

  /** Reads the store again, now. */
  public synchronized Map<String, String> refresh() throws IOException {
    Map<String, String> read = Map.copyOf(source.read());
    value = read;
    readAt = System.nanoTime();
    reads.incrementAndGet();
    return read;
  }

  /** How often the store was read. */
  public long reads() {
    return reads.get();
  }
}
