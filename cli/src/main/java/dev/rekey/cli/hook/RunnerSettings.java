package dev.rekey.cli.hook;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How the hook runner starts rekey, resolved once at install time so a commit pays for no search.
 *
 * @param java the {@code java} binary (a JDK 21 or newer, or the runtime image rekey ships)
 * @param classpath rekey's class path: its one jar, or the classes of a development build
 * @param cacheKind what kind of start-up cache {@code cache} is
 * @param cache the start-up cache file, or null for none
 */
public record RunnerSettings(
    Path java, String classpath, CacheKind cacheKind, @Nullable Path cache) {

  /** The JVM options every run uses: C1 only and the serial collector start fastest. */
  static final String FAST_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

  /** The kinds of start-up cache, which decide how the runner uses it and who builds it. */
  public enum CacheKind {
    /** A dynamic CDS archive (JDK 21 to 24), which the JVM writes on first use. */
    CDS,
    /** An AOT cache (JDK 25 and later) built by a training run, rebuilt when the jar changes. */
    AOT,
    /** The AOT cache a runtime image ships beside its jar, built with it: used as it is. */
    SHIPPED;

    /** The kind of cache a training run builds on JDK {@code feature}. */
    public static CacheKind trainedOn(int feature) {
      return feature >= StartupCache.AOT_FROM ? AOT : CDS;
    }
  }

  /** Whether a training run builds this cache (a shipped one is built by the release). */
  public boolean trained() {
    return cache != null && cacheKind != CacheKind.SHIPPED;
  }
}
