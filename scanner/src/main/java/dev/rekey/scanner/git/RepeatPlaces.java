package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The blobs a repeat scan reads ({@link RepeatScan}): those that held a match before (so their
 * findings are reported again), those to read again (unreadable last time, or met outside commits),
 * and those the new commits introduce that no scan has read — each with a place it sits at. Also
 * every place a new commit introduces a blob that held a match or is new.
 */
final class RepeatPlaces implements BlobPlaces {
  private final BlobTable blobs = new BlobTable();
  private final List<Provenance> provenances = new ArrayList<>();
  private final Map<ObjectId, HistorySummary.Target> targets = new LinkedHashMap<>();
  private final Map<ObjectId, List<HistorySummary.Place>> introduced = new LinkedHashMap<>();
  private final HistorySummary summary;
  private final Set<ObjectId> clean;
  private final ScanRecord record;

  /** A blob that held a match: as the summary had it (null when new) and its new places. */
  record Located(
      ObjectId blob,
      HistorySummary.@Nullable Target before,
      List<HistorySummary.Place> introduced) {}

  private RepeatPlaces(HistorySummary summary, ScanRecord record) {
    this.summary = summary;
    this.record = record;
    this.clean = new HashSet<>(summary.clean());
  }

  /** The blobs to read; null when a new commit holds a submodule or a blob met outside commits. */
  static @Nullable RepeatPlaces of(RepeatScan.Start start, NewCommits fresh) {
    RepeatPlaces places = new RepeatPlaces(start.summary(), start.record());
    Set<ObjectId> direct = new HashSet<>();
    for (HistorySummary.Target target : start.summary().targets()) {
      places.targets.put(target.blob(), target);
      places.add(target.blob(), target.places().get(0));
    }
    for (HistorySummary.Place place : start.summary().reread()) {
      if (place.commit() == null) {
        direct.add(place.blob());
      }
      if (!places.known(place.blob())) {
        places.add(place.blob(), place);
      }
    }
    for (int commit : fresh.fresh) {
      if (!places.introduce(fresh.index, commit, direct)) {
        return null;
      }
    }
    return places;
  }

  private boolean introduce(HistoryIndex index, int commit, Set<ObjectId> direct) {
    for (int k = 0; k < index.changeCount(commit); k++) {
      int kind = index.changeKind(commit, k);
      if ((kind & HistoryIndex.KIND) == HistoryIndex.GITLINK) {
        return false; // noted once per path, at the first commit of the listing's order
      }
      if (kind != (HistoryIndex.BLOB | HistoryIndex.INTRODUCED)) {
        continue;
      }
      ObjectId id = index.objects.get(index.changeObject(commit, k));
      if (direct.contains(id)) {
        return false; // met outside commits first, or in a commit: the listing's order decides
      }
      boolean target = targets.containsKey(id);
      if (target || !known(id)) {
        HistorySummary.Place place =
            new HistorySummary.Place(
                id, index.info(commit), index.paths.get(index.changePath(commit, k)));
        introduced.computeIfAbsent(id, i -> new ArrayList<>()).add(place);
        if (!target) {
          add(id, place);
        }
      }
    }
    return true;
  }

  /** Whether the blob was read clean by an earlier scan. */
  private boolean known(ObjectId id) {
    return record.contains(id) || clean.contains(id);
  }

  private void add(ObjectId id, HistorySummary.Place place) {
    if (blobs.add(id, place.commit() == null ? BlobTable.NO_COMMIT : 0, place.path()) >= 0) {
      provenances.add(
          place.commit() == null
              ? new Provenance.Unreachable(id.name())
              : new Provenance.GitBlob(place.commit(), place.path()));
    }
  }

  /** The blobs that held a match in commits, old and new, with their places. */
  List<Located> located(Set<BlobId> matched) {
    List<Located> located = new ArrayList<>();
    for (HistorySummary.Target target : targets.values()) {
      if (matched.contains(new BlobId(target.blob().name()))) {
        located.add(
            new Located(target.blob(), target, introduced.getOrDefault(target.blob(), List.of())));
      }
    }
    introduced.forEach(
        (id, places) -> {
          if (!targets.containsKey(id) && matched.contains(new BlobId(id.name()))) {
            located.add(new Located(id, null, places));
          }
        });
    return located;
  }

  /** What to read again next time: as before, and the new blobs that could not be read. */
  List<HistorySummary.Place> reread(boolean[] accepted) {
    List<HistorySummary.Place> reread = new ArrayList<>(summary.reread());
    Map<ObjectId, Integer> index = new HashMap<>();
    for (int i = 0; i < blobs.size(); i++) {
      index.put(blobs.id(i), i);
    }
    introduced.forEach(
        (id, places) -> {
          Integer i = index.get(id);
          if (i != null && !targets.containsKey(id) && !accepted[i]) {
            reread.add(places.get(0));
          }
        });
    return reread;
  }

  /** The clean blobs known before, and those read clean now. */
  List<ObjectId> clean(boolean[] accepted, Set<BlobId> matched) {
    List<ObjectId> all = new ArrayList<>(summary.clean());
    for (int i = 0; i < blobs.size(); i++) {
      ObjectId id = blobs.id(i);
      if (accepted[i]
          && !targets.containsKey(id)
          && !clean.contains(id)
          && !matched.contains(new BlobId(id.name()))) {
        all.add(id);
      }
    }
    return all;
  }

  @Override
  public BlobTable blobs() {
    return blobs;
  }

  @Override
  public Provenance provenance(int index) {
    return provenances.get(index);
  }
}
