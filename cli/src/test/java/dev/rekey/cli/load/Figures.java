package dev.rekey.cli.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Keeps the harness's figures of each run in {@code target/load-figures.txt}, one line per stream,
 * for the README's table; the test output has them too.
 */
public final class Figures {
  private static final Path FILE = Path.of("target", "load-figures.txt");

  private Figures() {}

  /** Records {@code report} under {@code what}, e.g. the test's name. */
  public static synchronized void record(String what, LoadReport report) {
    String line = Instant.now() + " " + what + " " + report + System.lineSeparator();
    System.out.print(line);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("could not keep the figures in " + FILE + ": " + e.getMessage());
    }
  }
}
