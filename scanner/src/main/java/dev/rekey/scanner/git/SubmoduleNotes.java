package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.lib.AnyObjectId;

/** Notes, once per path, a submodule met in a history: its commits are not entered. */
final class SubmoduleNotes {
  private final BlobSink sink;
  private final Set<String> noted = new HashSet<>();

  SubmoduleNotes(BlobSink sink) {
    this.sink = sink;
  }

  void note(String path, AnyObjectId commit) {
    if (noted.add(path)) {
      sink.problem(
          Problem.skipped(
              path,
              "submodule (at commit "
                  + commit.name()
                  + "): not entered; scan its own repository to cover it"));
    }
  }
}
