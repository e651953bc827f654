package dev.rekey.scanner.bundle;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The assets an HTML page loads: {@code <script src>}, and {@code <link href>} with {@code rel}
 * {@code stylesheet}, {@code modulepreload}, or {@code preload} of a script or style; resolved
 * against the page's URL or its {@code <base href>}.
 */
final class HtmlLinks {
  private static final Pattern TAG =
      Pattern.compile("<(script|link|base)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");

  private HtmlLinks() {}

  /** The URLs of the assets {@code html}, served at {@code page}, loads, in document order. */
  static List<URI> of(byte[] html, URI page) {
    String text = new String(html, StandardCharsets.UTF_8);
    URI base = page;
    List<URI> links = new ArrayList<>();
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      String name = tag.group(1).toLowerCase(Locale.ROOT);
      Map<String, String> attributes = attributes(tag.group(2));
      String target = target(name, attributes);
      if (name.equals("base") && attributes.containsKey("href")) {
        URI resolved = resolve(base, attributes.get("href"));
        base = resolved == null ? base : resolved;
      } else if (target != null) {
        URI resolved = resolve(base, target);
        if (resolved != null) {
          links.add(resolved);
        }
      }
    }
    return links;
  }

  private static @Nullable String target(String tag, Map<String, String> attributes) {
    if (tag.equals("script")) {
      return attributes.get("src");
    }
    if (!tag.equals("link")) {
      return null;
    }
    String rel = attributes.getOrDefault("rel", "").toLowerCase(Locale.ROOT);
    String as = attributes.getOrDefault("as", "").toLowerCase(Locale.ROOT);
    boolean loads =
        rel.contains("stylesheet")
            || rel.contains("modulepreload")
            || (rel.contains("preload") && (as.equals("script") || as.equals("style")));
    return loads ? attributes.get("href") : null;
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher attribute = ATTRIBUTE.matcher(text);
    while (attribute.find()) {
      String value =
          attribute.group(2) != null
              ? attribute.group(2)
              : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
      attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), unescape(value));
    }
    return attributes;
  }

  private static String unescape(String value) {
    return value.replace("&amp;", "&").replace("&#x2F;", "/").replace("&#47;", "/").trim();
  }

  /** {@code reference} resolved against {@code base}, without its fragment; null if malformed. */
  static @Nullable URI resolve(URI base, String reference) {
    try {
      String resolved = base.resolve(reference.replace(" ", "%20")).toString();
      int fragment = resolved.indexOf('#');
      return URI.create(fragment < 0 ? resolved : resolved.substring(0, fragment));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
