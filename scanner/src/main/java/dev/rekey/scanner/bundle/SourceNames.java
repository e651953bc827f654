package dev.rekey.scanner.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the names a source map gives its sources ({@code ../../src/App.jsx}, {@code
 * webpack://app/./src/App.jsx}, {@code turbopack:///[project]/app/page.tsx}, {@code
 * /abs/path/src/App.jsx}) into paths relative to the scanned root, so that a bundle on disk and the
 * same bundle fetched from a site name the same originals.
 */
final class SourceNames {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  /** Turbopack names sources {@code turbopack:///[project]/app/page.tsx}: the project's root. */
  private static final String TURBOPACK_PROJECT = "[project]/";

  private SourceNames() {}

  /**
   * The path of {@code source}, listed with {@code sourceRoot} in a map whose folder is {@code
   * mapDir} ({@code /}-separated, relative to the root, empty for the root itself).
   *
   * @param absoluteRoot the root's absolute path ({@code /}-separated) for paths on disk, or null
   *     for a site, where {@code ..} stops at the root as it does in URLs
   */
  static String resolve(
      String mapDir, @Nullable String sourceRoot, String source, @Nullable String absoluteRoot) {
    String name = source;
    if (sourceRoot != null && !sourceRoot.isEmpty() && !SCHEME.matcher(source).find()) {
      name = sourceRoot.endsWith("/") ? sourceRoot + source : sourceRoot + "/" + source;
    }
    if (name.startsWith("file://")) {
      name = name.substring("file://".length());
    } else if (SCHEME.matcher(name).find()) {
      String path = normalize(decode(withoutScheme(name)), absoluteRoot == null);
      return path.startsWith(TURBOPACK_PROJECT) ? path.substring(TURBOPACK_PROJECT.length()) : path;
    }
    name = decode(name);
    if (name.startsWith("/")) {
      if (absoluteRoot != null && name.startsWith(absoluteRoot + "/")) {
        return normalize(name.substring(absoluteRoot.length() + 1), false);
      }
      return absoluteRoot == null ? normalize(name, true) : name;
    }
    return normalize(mapDir.isEmpty() ? name : mapDir + "/" + name, absoluteRoot == null);
  }

  /** {@code webpack://app/./src/x.js} → {@code ./src/x.js}: the path after scheme and authority. */
  private static String withoutScheme(String name) {
    String rest = name.substring(name.indexOf(':') + 1);
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    return rest;
  }

  /**
   * {@code path} with its percent escapes decoded ({@code %40scope} → {@code @scope}, {@code
   * %5Broot%5D} → {@code [root]}): source names and references are URLs, files have plain names. A
   * name with a malformed escape is kept as it is.
   */
  static String decode(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.length());
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int high = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
      int low = high < 0 ? -1 : Character.digit(bytes[i + 2], 16);
      if (bytes[i] != '%') {
        out.write(bytes[i]);
      } else if (low < 0) {
        return path;
      } else {
        out.write(high * 16 + low);
        i += 2;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Resolves {@code .} and {@code ..}; leading {@code ..} are dropped when {@code clamp}. */
  static String normalize(String path, boolean clamp) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!clamp) {
          parts.addLast(part);
        }
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** The folder part of {@code path} ({@code /}-separated), empty for a name at the root. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
