package dev.rekey.scanner.bundle;

import dev.rekey.scanner.model.Exposure;
import java.util.Locale;
import java.util.Set;

/**
 * A build output folder (or a lone mobile bundle file), and how exposed each file in it is.
 *
 * @param path the folder, relative to the scanned root, {@code /}-separated
 * @param layout whose output it is, which tells client files from server files
 */
public record BuildFolder(String path, Layout layout) {

  /** The layouts told apart. */
  public enum Layout {
    /** Next.js {@code .next/}: {@code static/} is public, {@code server/} is not. */
    NEXT,
    /** Vercel's Build Output API {@code .vercel/output/}: {@code static/} is public. */
    VERCEL,
    /** SvelteKit {@code .svelte-kit/output/}: {@code client/} and {@code prerendered/} public. */
    SVELTE_KIT,
    /** Nuxt and Nitro {@code .output/}: {@code public/} is public. */
    NITRO,
    /** Astro's {@code .astro/}: generated types and content data, not served as they are. */
    ASTRO,
    /** {@code dist/}, {@code build/}, {@code out/} and the like: public but for server folders. */
    GENERIC,
    /** A {@code public/} folder that the framework serves as it is. */
    PUBLIC_ASSETS
  }

  /** Segments that mark server-side output inside a generic build folder. */
  private static final Set<String> SERVER_SEGMENTS = Set.of("server", "ssr", "functions");

  /** Whether {@code inner} (a path inside this folder) is left out: caches, not output. */
  public boolean skips(String inner) {
    return layout == Layout.NEXT && (inner.startsWith("cache/") || inner.startsWith("trace"));
  }

  /** Who can read file {@code inner}, a path inside this folder ({@code ""} for a lone file). */
  public Exposure exposure(String inner) {
    String lower = inner.toLowerCase(Locale.ROOT);
    return switch (layout) {
      case NEXT ->
          lower.startsWith("static/") || prerendered(lower) ? Exposure.PUBLIC : Exposure.SERVER;
      case VERCEL -> lower.startsWith("static/") ? Exposure.PUBLIC : Exposure.SERVER;
      case SVELTE_KIT ->
          lower.startsWith("client/") || lower.startsWith("prerendered/")
              ? Exposure.PUBLIC
              : Exposure.SERVER;
      case NITRO -> lower.startsWith("public/") ? Exposure.PUBLIC : Exposure.SERVER;
      case ASTRO -> Exposure.SERVER;
      case GENERIC -> serverSegment(lower) ? Exposure.SERVER : Exposure.PUBLIC;
      case PUBLIC_ASSETS -> Exposure.PUBLIC;
    };
  }

  /** The path of file {@code inner} relative to the scanned root. */
  String resolve(String inner) {
    return inner.isEmpty() ? path : path.isEmpty() ? inner : path + "/" + inner;
  }

  /** Whether {@code relative} (to the scanned root) lies in this folder. */
  boolean covers(String relative) {
    return path.isEmpty() || relative.equals(path) || relative.startsWith(path + "/");
  }

  /** Pages Next.js prerendered into {@code server/}: served to every visitor as they are. */
  private static boolean prerendered(String inner) {
    return inner.startsWith("server/")
        && (inner.endsWith(".html") || inner.endsWith(".rsc") || inner.endsWith(".body"));
  }

  /** Whether lower-case path {@code inner} goes through a server output folder. */
  static boolean serverSegment(String inner) {
    for (String segment : inner.split("/")) {
      if (SERVER_SEGMENTS.contains(segment)) {
        return true;
      }
    }
    return false;
  }
}
