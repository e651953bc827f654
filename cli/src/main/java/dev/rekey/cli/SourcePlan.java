package dev.rekey.cli;

import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import dev.rekey.scanner.staged.StagedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scan reads, and where its top is.
 *
 * @param sources the sources, scanned in turn
 * @param top the top of the scanned tree, where {@code .rekey-baseline.json} is looked for
 * @param staged whether this is a scan of staged changes (a commit is being checked)
 */
record SourcePlan(List<Source> sources, Path top, boolean staged) {

  /** Plain sources, whose top is {@code path} (or its folder, for a file). */
  static SourcePlan of(List<Source> sources, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path top = Files.isDirectory(absolute) || parent == null ? absolute : parent;
    return new SourcePlan(List.copyOf(sources), top, false);
  }

  /** The staged changes of the repository holding {@code path}. */
  static SourcePlan staged(Path path, ScanSettings settings) throws SourceException {
    StagedSource source = new StagedSource(path, settings);
    return new SourcePlan(List.of(source), source.top(), true);
  }
}
