package dev.rekey.scanner.git;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a history holds, as listed before any blob is read: its commits in scan order (parents
 * first), every unique tree, and every unique blob with the commit and path it was first seen at.
 */
final class Inventory implements BlobPlaces {
  final List<HistoryCommit> commits = new ArrayList<>();
  final BlobTable blobs = new BlobTable();
  final IdTable trees = new IdTable();
  final People people = new People();

  /** The refs (and other named tips) and the commits they resolve to. */
  final List<NamedCommit> tips = new ArrayList<>();

  /** A named tip resolved to its commit. */
  record NamedCommit(String name, HistoryCommit commit) {}

  /** The commit as reported: id, author, email and author date. */
  CommitInfo info(HistoryCommit commit) {
    People.Person person = people.get(commit.person);
    return new CommitInfo(
        commit.name(), person.name(), person.email(), Instant.ofEpochSecond(commit.authorTime));
  }

  @Override
  public BlobTable blobs() {
    return blobs;
  }

  @Override
  public Provenance provenance(int index) {
    int commit = blobs.commit(index);
    if (commit < 0) {
      return new Provenance.Unreachable(blobs.id(index).name());
    }
    return new Provenance.GitBlob(info(commits.get(commit)), blobs.path(index));
  }
}
