package dev.rekey.cli;

import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ConfigReader;
import dev.rekey.scanner.config.ScanConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, shared by the commands that scan. Without it, {@code .rekey.toml} at the
 * scanned root is read when present.
 */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Read configuration from FILE (default: .rekey.toml at the scanned root).")
  @Nullable Path config;

  /**
   * The configuration for a scan of {@code root}: the file given with {@code --config}, else {@code
   * .rekey.toml} at {@code root}; the defaults when there is none, or no root (a git URL, sites).
   */
  ScanConfig load(@Nullable Path root) throws ConfigException {
    if (config == null && root == null) {
      return ScanConfig.DEFAULTS;
    }
    return load(config, root == null ? Path.of(".") : root);
  }

  /**
   * The configuration in {@code file} when given, else {@code .rekey.toml} at {@code root} when
   * present, else the defaults. Free of picocli, for the pre-commit hook's fast path.
   */
  static ScanConfig load(@Nullable Path file, Path root) throws ConfigException {
    if (file == null) {
      return ConfigReader.forRoot(root);
    }
    if (!Files.exists(file)) {
      throw new ConfigException(file + ": no such configuration file: check --config");
    }
    return ConfigReader.read(file);
  }
}
