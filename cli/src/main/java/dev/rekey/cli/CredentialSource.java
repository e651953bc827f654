package dev.rekey.cli;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ReportCredentials;
import dev.rekey.scanner.Sources;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ConfigReader;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code rekey rotate} takes its credentials from: a fresh scan of a path, or a report. It is
 * recorded in the run's journal ({@code scan:PATH} or {@code report:PATH}) so that {@code
 * --resume}, {@code --finish} and {@code rollback} find the same credentials again.
 */
record CredentialSource(String kind, Path path) {

  static CredentialSource scan(Path path) {
    return new CredentialSource("scan", path.toAbsolutePath().normalize());
  }

  static CredentialSource report(Path path) {
    return new CredentialSource("report", path.toAbsolutePath().normalize());
  }

  /** The source a journal recorded. */
  static CredentialSource parse(String recorded) {
    int colon = recorded.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("the journal names no source: '" + recorded + "'");
    }
    Path path = Path.of(recorded.substring(colon + 1));
    return recorded.startsWith("report:") ? report(path) : scan(path);
  }

  /** Every credential found there. */
  List<Credential> load() throws IOException, SourceException {
    if (kind.equals("report")) {
      return ReportCredentials.read(path);
    }
    ScanSettings settings =
        new ScanSettings(
            ScanSettings.DEFAULT_MAX_BLOB_BYTES, Runtime.getRuntime().availableProcessors());
    try {
      return ConfigReader.forRoot(path)
          .scan(Sources.forPath(path, settings), settings)
          .findings()
          .stream()
          .map(Credential::of)
          .toList();
    } catch (ConfigException e) {
      throw new SourceException(String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public String toString() {
    return kind + ":" + path;
  }
}
