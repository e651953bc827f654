package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * What a repeat scan ({@link RepeatScan}) found, kept for its locate step and then added to the
 * summary the next repeat starts from: the tips now, the new commits (numbered after every commit
 * seen before), the blobs read and which were read clean, and the new commits' messages.
 */
@SuppressWarnings("ArrayRecordComponent") // the scan's own flags, read once
record RepeatResult(
    RepeatScan.Start start,
    NewCommits fresh,
    List<HistorySummary.Tip> tips,
    RepeatPlaces places,
    boolean[] accepted,
    Map<Integer, BlobId> messages) {

  /** Adds what this scan learned to the summary, when it learned anything. */
  void keep(
      Set<BlobId> matched,
      List<HistorySummary.Target> targets,
      RefTips.@Nullable DefaultBranch branch,
      HistorySink sink) {
    HistorySummary before = start.summary();
    ObjectId tip = branch == null ? ObjectId.zeroId() : branch.tip();
    String name = branch == null ? null : branch.name();
    if (fresh.fresh.isEmpty()
        && tips.equals(before.tips())
        && tip.equals(before.defaultTip())
        && Objects.equals(name, before.defaultBranch())) {
      return;
    }
    List<ObjectId> messageCommits = new ArrayList<>(before.messageCommits());
    messages.forEach(
        (commit, message) -> {
          if (matched.contains(message)) {
            messageCommits.add(fresh.index.id(commit));
          }
        });
    HistorySummary after =
        new HistorySummary(
            before.generation(),
            name,
            tip,
            tips,
            tipNumbers(),
            targets,
            places.reread(accepted),
            messageCommits,
            before.notes(),
            extra(before),
            places.clean(accepted, matched));
    try {
      ListingSummary folder = start.folder();
      after.write(folder.folder().resolve(ListingSummary.SUMMARY), folder.key(), folder.gitDir());
    } catch (IOException | RuntimeException e) {
      sink.problem(
          Problem.skipped(
              start.folder().folder().toString(),
              "cannot keep the history's summary ("
                  + e.getMessage()
                  + "): the next scan will list the history again"));
    }
  }

  /** The number of the commit each tip ends at, -1 for a blob or tree. */
  private int[] tipNumbers() {
    int[] numbers = new int[tips.size()];
    for (int i = 0; i < numbers.length; i++) {
      HistorySummary.Tip tip = tips.get(i);
      if (tip.type() != Constants.OBJ_COMMIT) {
        numbers[i] = -1;
        continue;
      }
      int at = fresh.index.commits.indexOf(tip.object());
      numbers[i] =
          at >= 0 && fresh.isFresh(at) ? fresh.number(at) : start.seen().number(tip.object());
    }
    return numbers;
  }

  private List<HistorySummary.Extra> extra(HistorySummary before) {
    List<HistorySummary.Extra> extra = new ArrayList<>(before.extra());
    for (int commit : fresh.fresh) {
      int[] parents = new int[fresh.index.parentCount(commit)];
      for (int k = 0; k < parents.length; k++) {
        int parent = fresh.index.parent(commit, k);
        parents[k] =
            fresh.isFresh(parent)
                ? fresh.number(parent)
                : start.seen().number(fresh.index.id(parent));
      }
      extra.add(new HistorySummary.Extra(fresh.index.id(commit), parents));
    }
    return extra;
  }
}
