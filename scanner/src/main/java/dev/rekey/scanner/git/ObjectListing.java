package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** Every object id in a repository's object database, packed or loose, reachable or not. */
final class ObjectListing {
  private ObjectListing() {}

  /**
   * Passes each id to {@code each} (an id in several packs more than once; a mutable id valid only
   * during the call). A pack index or folder that cannot be read is reported.
   */
  static void forEach(Repository repository, HistorySink sink, Consumer<MutableObjectId> each) {
    if (!(repository.getObjectDatabase() instanceof ObjectDirectory directory)) {
      return;
    }
    MutableObjectId id = new MutableObjectId();
    for (Pack pack : directory.getPacks()) {
      try {
        for (PackIndex.MutableEntry entry : pack.getIndex()) {
          entry.copyOidTo(id);
          each.accept(id);
        }
      } catch (IOException | RuntimeException e) {
        sink.problem(
            Problem.error(
                pack.getPackFile().getPath(),
                "cannot read the pack index ("
                    + e.getMessage()
                    + "): its unreachable objects"
                    + " were not scanned"));
      }
    }
    loose(directory.getDirectory().toPath(), id, sink, each);
  }

  private static void loose(
      Path objects, MutableObjectId id, HistorySink sink, Consumer<MutableObjectId> each) {
    try (Stream<Path> dirs = Files.list(objects)) {
      for (Path dir :
          dirs.filter(d -> d.getFileName().toString().matches("[0-9a-f]{2}")).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.toList()) {
            String hex = dir.getFileName().toString() + file.getFileName();
            if (ObjectId.isId(hex)) {
              id.fromString(hex);
              each.accept(id);
            }
          }
        }
      }
    } catch (IOException e) {
      sink.problem(
          Problem.error(objects.toString(), "cannot list loose objects: " + e.getMessage()));
    }
  }
}
