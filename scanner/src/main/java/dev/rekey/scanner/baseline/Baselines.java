package dev.rekey.scanner.baseline;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * @param problems why the repository's own baseline could not be applied (a link out of the
 *     repository, a file that is no baseline), as errors: the scan then reports everything, and its
 *     exit code says it is incomplete
 */
public record Baselines(List<Baseline> all, List<Problem> problems) {
  public static final Baselines NONE = new Baselines(List.of());

  public Baselines {
    all = List.copyOf(all);
    problems = List.copyOf(problems);
  }

  /** These baselines, read without a problem. */
  public Baselines(List<Baseline> all) {
    this(all, List.of());
  }

  /**
   * The baselines to apply: the {@code explicit} files, or, when there are none and {@code
   * useDefault} holds, the {@code .rekey-baseline.json} that applies to {@code top}, if any — read
   * only inside its repository, and a problem (not a failure) when it cannot be used.
   *
   * @throws BaselineException when an explicit file cannot be read
   */
  public static Baselines load(List<Path> explicit, Path top, boolean useDefault)
      throws BaselineException {
    List<Baseline> loaded = new ArrayList<>();
    for (Path file : explicit) {
      loaded.add(Baseline.read(file));
    }
    List<Problem> problems = new ArrayList<>();
    Path standard = explicit.isEmpty() && useDefault ? standardFile(top) : null;
    if (standard != null) {
      try {
        loaded.add(BaselineReader.read(standard, ScanRoot.of(repositoryOf(top))));
      } catch (BaselineException | IOException e) {
        problems.add(
            Problem.error(
                standard.toString(),
                "baseline not applied, every finding is reported: "
                    + String.valueOf(e.getMessage()).replace(standard + ": ", "")));
      }
    }
    return new Baselines(loaded, problems);
  }

  /**
   * The {@code .rekey-baseline.json} that applies to {@code top}: in it, or in the nearest folder
   * above it up to the top of the git working tree holding it (a scan of a sub-folder of a
   * repository uses the repository's baseline).
   */
  static @Nullable Path standardFile(Path top) {
    Path start = top.toAbsolutePath().normalize();
    Path last = repositoryOf(top);
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve(RekeyBaseline.FILE_NAME);
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return file;
      }
      if (dir.equals(last)) {
        return null;
      }
    }
    return null;
  }

  /** The top of the git working tree holding {@code top}, or {@code top} outside git. */
  private static Path repositoryOf(Path top) {
    Path start = top.toAbsolutePath().normalize();
    Path repository = start;
    while (repository != null && !Files.exists(repository.resolve(".git"))) {
      repository = repository.getParent();
    }
    return repository != null ? repository : start;
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
