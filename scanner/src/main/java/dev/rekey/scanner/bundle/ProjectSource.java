package dev.rekey.scanner.bundle;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A project's files as another source lists them (the working tree, a plain directory), plus its
 * build output found by {@link BuildOutputFinder} — scanned as client bundles even when git ignores
 * it — and the env files that the other source left out (ignored {@code .env.local} and the like),
 * whose browser-exposed variables ship with the build. Files in build folders, and bundles
 * elsewhere ({@link LooseBundles}), are reported once, as bundle files.
 */
public final class ProjectSource implements Source {
  private final Path root;
  private final Source files;
  private final ScanSettings settings;

  /** {@code files} lists the project at {@code root}. */
  public ProjectSource(Path root, Source files, ScanSettings settings) {
    this.root = root.toAbsolutePath().normalize();
    this.files = files;
    this.settings = settings;
  }

  @Override
  public String describe() {
    return files.describe() + ", with its build output";
  }

  @Override
  public void scan(BlobSink sink) throws SourceException {
    if (!Files.isDirectory(root)) {
      files.scan(sink);
      return;
    }
    BuildOutputFinder.Found found;
    ScanRoot confined;
    try {
      found = BuildOutputFinder.find(root);
      confined = ScanRoot.of(root);
    } catch (IOException e) {
      throw new SourceException(root + ": cannot look for build output: " + e.getMessage(), e);
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    LooseBundles loose = new LooseBundles(root, confined, settings.maxBlobBytes(), sink);
    files.scan(new OutsideBuildFolders(sink, found.folders(), seen, loose));
    loose.finish();
    if (!found.folders().isEmpty()) {
      new BundleSource(root, found.folders(), settings).scan(sink);
    }
    for (String env : found.envFiles()) {
      if (!seen.contains(env)) {
        scanEnvFile(env, sink);
      }
    }
  }

  /**
   * An env file the other source left out (git ignores it): what a browser variable assigns there
   * ships with the build; the rest is reported at {@code info} ({@link Provenance.IgnoredFile}).
   */
  private void scanEnvFile(String env, BlobSink sink) {
    try {
      Path file = root.resolve(env);
      if (!(ScanRoot.of(root).read(file, settings.maxBlobBytes())
          instanceof ScanRoot.FileRead.Content content)) {
        return; // too large, special, or a link out: the file source noted it
      }
      sink.accept(Blob.of(content.bytes()), new Provenance.IgnoredFile(env));
    } catch (IOException e) {
      sink.problem(Problem.error(env, "cannot read: " + e.getMessage()));
    }
  }

  /**
   * Passes on what lies outside the build folders, but for the bundles found there by what they are
   * ({@link LooseBundles}), and notes every file path it saw.
   */
  private record OutsideBuildFolders(
      BlobSink sink, List<BuildFolder> folders, Set<String> seen, LooseBundles loose)
      implements BlobSink {

    @Override
    public void accept(Blob blob, Provenance provenance) {
      if (passes(provenance) && !loose.offer(provenance, blob.bytes())) {
        sink.accept(blob, provenance);
      }
    }

    @Override
    public void problem(Problem problem) {
      if (!inBuildFolder(problem.where())) {
        sink.problem(problem);
      }
    }

    private boolean passes(Provenance provenance) {
      if (!(provenance instanceof Provenance.File file)) {
        return true;
      }
      seen.add(file.path());
      return !inBuildFolder(file.path());
    }

    private boolean inBuildFolder(String path) {
      return folders.stream().anyMatch(folder -> folder.covers(path));
    }
  }
}
