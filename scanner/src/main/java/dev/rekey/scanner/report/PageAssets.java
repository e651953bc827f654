package dev.rekey.scanner.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML report's stylesheet and script, inlined into every page, and the Content-Security-Policy
 * that allows exactly these two by their SHA-256 hashes and nothing else: no request of any kind,
 * so that even a markup-escaping bug could neither run injected script nor reach the network.
 *
 * @param css the stylesheet
 * @param js the script
 */
record PageAssets(String css, String js) {
  static final PageAssets BUILT_IN = new PageAssets(load("report.css"), load("report.js"));

  /** The policy, for a {@code <meta http-equiv="Content-Security-Policy">} tag. */
  String policy() {
    return "default-src 'none'; style-src '"
        + hash(css)
        + "'; script-src '"
        + hash(js)
        + "'; img-src data:; base-uri 'none'; form-action 'none'";
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String load(String name) {
    try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the HTML report's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
