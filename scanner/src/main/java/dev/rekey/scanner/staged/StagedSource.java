package dev.rekey.scanner.staged;

import dev.rekey.scanner.git.GitProcess;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code git commit} would record now: the staged content of every added, changed, renamed or
 * copied file, read through the {@code git} on the {@code PATH} (a hook runs under it, and it
 * starts in milliseconds where JGit takes hundreds). Works before the first commit, where
 * everything staged is new. A staged file whose content on disk is the same blob is read from disk;
 * the others come from the object database in one {@code git cat-file --batch}.
 *
 * <p>Every staged file is scanned whole, so that a secret spanning lines or paired with a nearby
 * identifier is still recognised; {@link #narrow} then keeps only what lies on lines the commit
 * adds, with the line numbers of the staged file.
 */
public final class StagedSource implements Source {
  private final Path top;
  private final ScanSettings settings;
  private final Map<String, LineRanges> added = new HashMap<>();
  private final Thread diffing;
  private volatile @Nullable List<StagedFile> files;
  private volatile @Nullable CatFileReader objects;
  private volatile @Nullable SourceException failure;

  /**
   * The staged changes of the repository whose working tree holds {@code start}. Starts reading the
   * staged diff at once, in the background, so that git works while the caller builds its detector:
   * on a commit check the two take about as long.
   *
   * @throws SourceException when {@code start} is not inside a git working tree
   */
  public StagedSource(Path start, ScanSettings settings) throws SourceException {
    this.top = topOf(start);
    this.settings = settings;
    this.diffing = new Thread(this::readDiff, "staged-diff");
    diffing.setDaemon(true);
    diffing.start();
  }

  /** The top of the working tree, to which reported paths are relative. */
  public Path top() {
    return top;
  }

  @Override
  public String describe() {
    return "staged changes of " + top;
  }

  @Override
  public void scan(BlobSink sink) throws SourceException {
    for (StagedFile file : awaitDiff()) {
      added.put(file.path(), file.addedLines());
    }
    CatFileReader reader = objects;
    if (reader != null) {
      reader.read(sink);
    }
  }

  /**
   * {@code result} with only the locations on lines the commit adds; findings left without a
   * location are dropped. Call after {@link #scan}.
   */
  @Override
  public ScanResult narrow(ScanResult result) {
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : result.findings()) {
      List<Location> locations = finding.locations().stream().filter(this::isOnAddedLine).toList();
      if (!locations.isEmpty()) {
        kept.add(finding.withLocations(locations));
      }
    }
    return result.withFindings(kept);
  }

  private boolean isOnAddedLine(Location location) {
    if (!(location.provenance() instanceof Provenance.Staged staged)) {
      return false;
    }
    LineRanges lines = added.get(staged.path());
    return lines != null && lines.contains(location.line());
  }

  private void readDiff() {
    try {
      List<StagedFile> staged = diff();
      if (!staged.isEmpty()) {
        objects = CatFileReader.start(new GitProcess(top), staged, settings);
      }
      files = staged;
    } catch (SourceException e) {
      failure = e;
    } catch (IOException e) {
      failure = new SourceException(top + ": cannot read the staged content: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      failure =
          new SourceException(
              top + ": cannot understand git's staged diff (" + e + "): please report it", e);
    }
  }

  private List<StagedFile> awaitDiff() throws SourceException {
    try {
      diffing.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(top + ": interrupted while reading the staged changes", e);
    }
    SourceException failed = failure;
    if (failed != null) {
      throw failed;
    }
    return Objects.requireNonNull(files, "the staged diff thread ended without a result");
  }

  private List<StagedFile> diff() throws SourceException {
    GitProcess.Output output;
    try {
      output = new GitProcess(top).run(StagedDiff.ARGUMENTS.toArray(String[]::new));
    } catch (IOException e) {
      throw new SourceException(top + ": cannot read the staged changes: " + e.getMessage(), e);
    }
    if (!output.ok()) {
      throw new SourceException(
          top
              + ": cannot read the staged changes: git diff --cached failed: "
              + output.stderr().strip());
    }
    return StagedDiff.parse(output.text());
  }

  /** The nearest directory at or above {@code start} that holds {@code .git}. */
  static Path topOf(Path start) throws SourceException {
    Path absolute = start.toAbsolutePath().normalize();
    for (Path dir = absolute; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    throw new SourceException(
        absolute
            + ": not inside a git working tree: --staged checks what 'git commit' would record;"
            + " run it inside a repository");
  }
}
