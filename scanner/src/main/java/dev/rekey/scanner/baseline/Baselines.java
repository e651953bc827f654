package dev.rekey.scanner.baseline;

import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The baselines a scan applies. A finding is known when every one of its locations is covered by
 * some baseline; a finding with locations no baseline covers is reported at those locations only.
 *
 * @param all the baselines, in the order given
 */
public record Baselines(List<Baseline> all) {
  public static final Baselines NONE = new Baselines(List.of());

  public Baselines {
    all = List.copyOf(all);
  }

  /**
   * The baselines to apply: the {@code explicit} files, or, when there are none and {@code
   * useDefault} holds, the {@code .rekey-baseline.json} that applies to {@code top}, if any.
   *
   * @throws BaselineException when a file cannot be read
   */
  public static Baselines load(List<Path> explicit, Path top, boolean useDefault)
      throws BaselineException {
    List<Baseline> loaded = new ArrayList<>();
    for (Path file : explicit) {
      loaded.add(Baseline.read(file));
    }
    if (explicit.isEmpty() && useDefault) {
      Path standard = standardFile(top);
      if (standard != null) {
        loaded.add(Baseline.read(standard));
      }
    }
    return new Baselines(loaded);
  }

  /**
   * The {@code .rekey-baseline.json} that applies to {@code top}: in it, or in the nearest folder
   * above it up to the top of the git working tree holding it (a scan of a sub-folder of a
   * repository uses the repository's baseline).
   */
  static @Nullable Path standardFile(Path top) {
    Path start = top.toAbsolutePath().normalize();
    Path repository = start;
    while (repository != null && !Files.exists(repository.resolve(".git"))) {
      repository = repository.getParent();
    }
    Path last = repository != null ? repository : start;
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(RekeyBaseline.FILE_NAME);
      if (Files.isRegularFile(file)) {
        return file;
      }
      if (dir.equals(last)) {
        return null;
      }
    }
    return null;
  }

  /** The first rekey baseline among these, the one {@code --update-baseline} grows. */
  public Optional<RekeyBaseline> rekeyBaseline() {
    return all.stream()
        .filter(RekeyBaseline.class::isInstance)
        .map(RekeyBaseline.class::cast)
        .findFirst();
  }

  /**
   * Splits {@code result} into what is new and what the baselines already list.
   *
   * @return the result holding only new findings (and new locations), and the known findings
   */
  public Split split(ScanResult result) {
    if (all.isEmpty()) {
      return new Split(result, List.of());
    }
    List<Finding> fresh = new ArrayList<>();
    List<Finding> known = new ArrayList<>();
    for (Finding finding : result.findings()) {
      List<Location> uncovered =
          finding.locations().stream().filter(l -> !covered(finding, l)).toList();
      if (uncovered.isEmpty()) {
        known.add(finding);
      } else if (uncovered.size() == finding.locations().size()) {
        fresh.add(finding);
      } else {
        fresh.add(finding.withLocations(uncovered));
      }
    }
    return new Split(new ScanResult(fresh, result.stats(), result.problems()), known);
  }

  private boolean covered(Finding finding, Location location) {
    for (Baseline baseline : all) {
      if (baseline.covers(finding, location)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A scan result split by the baselines.
   *
   * @param fresh the result with only what the baselines do not list
   * @param known the findings the baselines list in full
   */
  public record Split(ScanResult fresh, List<Finding> known) {
    public Split {
      known = List.copyOf(known);
    }
  }
}
