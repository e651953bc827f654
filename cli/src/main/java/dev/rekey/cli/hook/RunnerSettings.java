package dev.rekey.cli.hook;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How the hook runner starts rekey, resolved once at install time so a commit pays for no search.
 *
 * @param java the {@code java} binary (a JDK 21 or newer)
 * @param classpath rekey's class path: its one jar, or the classes of a development build
 * @param jdkFeature the JDK's feature release (25 for JDK 25), which decides the cache kind
 * @param cache the start-up cache file, or null for none
 */
public record RunnerSettings(Path java, String classpath, int jdkFeature, @Nullable Path cache) {

  /** Whether the cache is an AOT cache (JDK 25 and later) rather than a CDS archive. */
  public boolean aot() {
    return jdkFeature >= StartupCache.AOT_FROM;
  }

  /** The JVM options every run uses: C1 only and the serial collector start fastest. */
  static final String FAST_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";
}
