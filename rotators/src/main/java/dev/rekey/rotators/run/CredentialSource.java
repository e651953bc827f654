package dev.rekey.rotators.run;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ReportCredentials;
import dev.rekey.scanner.ScanRequest;
import dev.rekey.scanner.Scanner;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ConfigReader;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanProgress;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a rotation run takes its credentials from: a fresh scan of a path, or a scan report. A run
 * records it ({@code scan:PATH} or {@code report:PATH}) so that resuming, finishing or rolling back
 * finds the same credentials again.
 */
public sealed interface CredentialSource {

  /** The path scanned, or the report read. */
  Path path();

  /**
   * Every credential found there.
   *
   * @param notes receives, for a scan, what the user must know about it: settings of the scanned
   *     folder's configuration that were ignored and what it kept out
   * @param unscanned receives, for a scan, each part of the input that could not be scanned (a
   *     credential there is missing from the list)
   */
  List<Credential> load(Consumer<String> notes, Consumer<String> unscanned)
      throws IOException, SourceException;

  /** A scan of a repository, folder or file, with its configuration. */
  record Scan(Path path) implements CredentialSource {
    public Scan {
      path = path.toAbsolutePath().normalize();
    }

    @Override
    public List<Credential> load(Consumer<String> notes, Consumer<String> unscanned)
        throws SourceException {
      ScanSettings settings =
          new ScanSettings(
              ScanSettings.DEFAULT_MAX_BLOB_BYTES, Runtime.getRuntime().availableProcessors());
      try {
        ScanConfig config = ConfigReader.forRoot(path);
        config.warnings().forEach(notes);
        ScanResult result =
            Scanner.scan(
                ScanRequest.ofPath(path, settings, config), new ScanProgress(), notes::accept);
        result.problems().stream()
            .filter(Problem::isError)
            .forEach(p -> unscanned.accept(p.where() + ": " + p.message()));
        return result.findings().stream().map(Credential::of).toList();
      } catch (ConfigException e) {
        throw new SourceException(String.valueOf(e.getMessage()), e);
      }
    }

    @Override
    public String toString() {
      return "scan:" + path;
    }
  }

  /** A {@code rekey scan} report (json or jsonl). */
  record Report(Path path) implements CredentialSource {
    public Report {
      path = path.toAbsolutePath().normalize();
    }

    @Override
    public List<Credential> load(Consumer<String> notes, Consumer<String> unscanned)
        throws IOException {
      return ReportCredentials.read(path);
    }

    @Override
    public String toString() {
      return "report:" + path;
    }
  }

  /** The source a run recorded, as written by {@link #toString()}. */
  static CredentialSource parse(String recorded) {
    int colon = recorded.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("the journal names no source: '" + recorded + "'");
    }
    Path path = Path.of(recorded.substring(colon + 1));
    return recorded.startsWith("report:") ? new Report(path) : new Scan(path);
  }
}
