package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.SourceException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The repository being scanned, held so that a damaged pack does not end the scan. At the first
 * corrupt object JGit meets in a pack, it drops the whole pack from its list, and every other
 * object in it then reads as missing. So when an object a pack's index lists fails to read, the
 * repository is opened afresh (with the pack) and the read retried once; only the damaged objects
 * are lost. After {@link #MAX_REOPENINGS} reopenings (a pack damaged throughout), failures are
 * final.
 */
final class RepositoryHandle implements AutoCloseable {
  static final int MAX_REOPENINGS = 64;

  private final Path root;
  private final List<Repository> opened = new ArrayList<>();
  private volatile Repository current;
  private int reopenings;
  private @Nullable List<Listed> indexes;
  private @Nullable PackFiles packs;

  /** A pack and its index, read independently of JGit's pack list. */
  private record Listed(String name, PackIndex index) {}

  RepositoryHandle(Path root) throws SourceException {
    this.root = root;
    this.current = GitRepositories.open(root);
    opened.add(current);
  }

  Repository current() {
    return current;
  }

  /** The packs, opened for direct reading on first use. */
  synchronized PackFiles packs() {
    PackFiles opened = packs;
    if (opened == null) {
      opened = PackFiles.open(current.getObjectDatabase());
      packs = opened;
    }
    return opened;
  }

  /**
   * Opens the repository afresh after {@code failed} lost a pack, unless another thread already did
   * or the limit is reached; returns the repository to use.
   */
  @SuppressWarnings("ReferenceEquality") // which repository instance, not its content
  synchronized Repository reopen(Repository failed) {
    if (current != failed || reopenings >= MAX_REOPENINGS) {
      return current;
    }
    try {
      Repository fresh = GitRepositories.open(root);
      opened.add(fresh);
      reopenings++;
      current = fresh;
    } catch (SourceException e) {
      // Keep the one we have: the failure is then reported as it is.
    }
    return current;
  }

  /** The file name of a pack whose index lists {@code id}, or null when none does. */
  synchronized @Nullable String packHolding(AnyObjectId id) {
    for (Listed listed : indexes()) {
      if (listed.index().hasObject(id)) {
        return listed.name();
      }
    }
    return null;
  }

  private List<Listed> indexes() {
    List<Listed> known = indexes;
    if (known != null) {
      return known;
    }
    List<Listed> found = new ArrayList<>();
    if (opened.getFirst().getObjectDatabase() instanceof ObjectDirectory directory) {
      File[] files = directory.getPackDirectory().listFiles((dir, name) -> name.endsWith(".idx"));
      for (File file : files == null ? new File[0] : files) {
        try {
          String pack = file.getName().replaceFirst("\\.idx$", ".pack");
          found.add(new Listed(pack, PackIndex.open(file)));
        } catch (IOException e) {
          // An unreadable index: its objects read as missing, which is what they are to us.
        }
      }
    }
    indexes = found;
    return found;
  }

  @Override
  public synchronized void close() {
    PackFiles files = packs;
    if (files != null) {
      files.close();
      packs = null;
    }
    opened.forEach(Repository::close);
    opened.clear();
  }
}
