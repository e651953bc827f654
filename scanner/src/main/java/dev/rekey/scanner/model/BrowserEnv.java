package dev.rekey.scanner.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Environment variables whose name makes the framework inline their value into client code: {@code
 * NEXT_PUBLIC_}, {@code VITE_}, {@code REACT_APP_}, {@code EXPO_PUBLIC_}, {@code PUBLIC_}
 * (SvelteKit, Astro), {@code NUXT_PUBLIC_} and {@code GATSBY_}. A secret assigned to one of them is
 * public as soon as the app is built.
 */
public final class BrowserEnv {
  /** The prefixes, longest first. */
  public static final List<String> PREFIXES =
      List.of(
          "NEXT_PUBLIC_",
          "NUXT_PUBLIC_",
          "EXPO_PUBLIC_",
          "REACT_APP_",
          "GATSBY_",
          "PUBLIC_",
          "VITE_");

  /** How far back on its line the variable's name may start. */
  private static final int LOOK_BACK = 160;

  private static final Pattern ASSIGNED =
      Pattern.compile(
          "(?:^|[^A-Za-z0-9_])(?:NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|REACT_APP|GATSBY|PUBLIC|VITE)_"
              + "[A-Za-z0-9_]*[\"']?\\s*[:=]\\s*[\"'`]?$");

  private BrowserEnv() {}

  /** Whether {@code name} ships to the browser. */
  public static boolean isBrowserExposed(String name) {
    return PREFIXES.stream().anyMatch(name::startsWith);
  }

  /**
   * Whether the value starting at byte {@code start} is assigned, on its line (which starts at
   * {@code lineStart}), to a browser-exposed variable: {@code VITE_KEY=…}, {@code VITE_KEY: "…"},
   * {@code "VITE_KEY": "…"}, {@code export VITE_KEY=…}.
   */
  static boolean assigns(byte[] bytes, int lineStart, int start) {
    int from = Math.max(lineStart, start - LOOK_BACK);
    String before = new String(bytes, from, start - from, StandardCharsets.ISO_8859_1);
    return ASSIGNED.matcher(before).find();
  }
}
