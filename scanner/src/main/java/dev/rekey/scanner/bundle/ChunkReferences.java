package dev.rekey.scanner.bundle;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chunks a JavaScript bundle loads by itself, which no HTML tag names: string literals holding
 * a relative or root path to a {@code .js}, {@code .mjs} or {@code .css} file, as in {@code
 * import("./Admin-B5PAxOOH.js")} or {@code from "./index-DGPEaQrJ.js"}. Guesses: what does not
 * exist is passed over.
 */
final class ChunkReferences {
  private static final Pattern CHUNK =
      Pattern.compile("[\"'`]((?:\\.{1,2}/|/)[A-Za-z0-9_@./-]{1,200}\\.(?:m?js|css))[\"'`]");

  private ChunkReferences() {}

  /** The chunk URLs referenced in {@code script}, served at {@code url}. */
  static Set<URI> of(byte[] script, URI url) {
    Set<URI> chunks = new LinkedHashSet<>();
    Matcher chunk = CHUNK.matcher(new String(script, StandardCharsets.ISO_8859_1));
    while (chunk.find()) {
      if (chunk.group(1).startsWith("//")) {
        continue; // protocol-relative: another host
      }
      URI resolved = HtmlLinks.resolve(url, chunk.group(1));
      if (resolved != null) {
        chunks.add(resolved);
      }
    }
    return chunks;
  }
}
