package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import java.io.IOException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTag;
import org.jspecify.annotations.Nullable;

/**
 * Follows a tip through annotated tags (scanning each tag's message) to the object they end at: a
 * commit, as a rule, but a tag may name a tree or a blob. A missing object or a chain of tags too
 * long to follow is reported with the tip's name.
 */
final class TagPeeler {
  private static final int MAX_TAG_DEPTH = 16;

  /** The object a tip ends at, and its type. */
  record Peeled(ObjectId id, int type) {}

  private TagPeeler() {}

  static @Nullable Peeled peel(
      ObjectSource objects, Messages messages, BlobSink sink, ObjectId tip, String name) {
    ObjectId id = tip;
    try {
      for (int depth = 0; depth < MAX_TAG_DEPTH; depth++) {
        ObjectLoader loader = objects.open(id, ObjectReader.OBJ_ANY);
        if (loader.getType() != Constants.OBJ_TAG) {
          return new Peeled(id, loader.getType());
        }
        RevTag tag = RevTag.parse(loader.getCachedBytes());
        messages.scanTag(tag);
        id = tag.getObject().copy();
      }
      sink.problem(Problem.error(name, "a chain of tags too long to follow; not scanned"));
    } catch (MissingObjectException e) {
      sink.problem(
          Problem.error(
              name,
              "points to "
                  + id.name()
                  + ", which is missing from the object database: run 'git fsck'"));
    } catch (IOException e) {
      sink.problem(Problem.error(name, "cannot read " + id.name() + ": " + e.getMessage()));
    }
    return null;
  }
}
