package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * Every starting point of a repository's history: local and remote-tracking branches, tags, notes,
 * the stash and its older entries, HEAD when detached, and the HEADs of linked worktrees. A ref
 * that cannot be read is reported as an error naming it; the others are still returned.
 */
final class RefTips {
  private RefTips() {}

  /** A named starting point: {@code refs/heads/main}, {@code refs/stash@{1}}, {@code HEAD}. */
  record Tip(String name, ObjectId id) {}

  /** The default branch (short name) and its tip, when HEAD names one that exists. */
  record DefaultBranch(String name, ObjectId tip) {}

  static List<Tip> read(Repository repository, HistorySink sink) {
    List<Tip> tips = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try {
      for (Ref ref : repository.getRefDatabase().getRefs()) {
        names.add(ref.getName());
        ObjectId id = ref.getObjectId();
        if (id != null && !ref.isSymbolic()) { // a symbolic ref's target is listed itself
          tips.add(new Tip(ref.getName(), id));
        }
      }
    } catch (IOException e) {
      sink.problem(
          Problem.error(
              "refs", "cannot list the refs (" + e.getMessage() + "); run 'git fsck' to check"));
    }
    addStash(repository, tips, sink);
    addWorktreeHeads(repository, tips);
    reportUnreadable(repository.getCommonDirectory().toPath(), names, sink);
    return tips;
  }

  /** Older stash entries live only in the stash's reflog. */
  private static void addStash(Repository repository, List<Tip> tips, HistorySink sink) {
    try {
      ReflogReader reflog = repository.getRefDatabase().getReflogReader(Constants.R_STASH);
      if (reflog == null) {
        return;
      }
      List<ReflogEntry> entries = reflog.getReverseEntries();
      for (int i = 1; i < entries.size(); i++) {
        tips.add(new Tip(Constants.R_STASH + "@{" + i + "}", entries.get(i).getNewId()));
      }
    } catch (IOException e) {
      sink.problem(
          Problem.error(
              Constants.R_STASH,
              "cannot read the stash's log (" + e.getMessage() + "): older stash entries missed"));
    }
  }

  /** A linked worktree may have its own detached HEAD, which no ref names. */
  private static void addWorktreeHeads(Repository repository, List<Tip> tips) {
    Path worktrees = repository.getCommonDirectory().toPath().resolve("worktrees");
    if (!Files.isDirectory(worktrees)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(worktrees)) {
      for (Path dir : dirs.sorted().toList()) {
        ObjectId id = detachedHead(dir.resolve(Constants.HEAD));
        if (id != null) {
          tips.add(new Tip("worktrees/" + dir.getFileName() + "/HEAD", id));
        }
      }
    } catch (IOException e) {
      // A worktree whose HEAD cannot be read is listed by 'git worktree list' as broken; its
      // branch, if any, is a ref and is scanned anyway.
    }
  }

  private static @Nullable ObjectId detachedHead(Path head) throws IOException {
    if (!Files.isRegularFile(head)) {
      return null;
    }
    String content = Files.readString(head, StandardCharsets.UTF_8).trim();
    return ObjectId.isId(content) ? ObjectId.fromString(content) : null;
  }

  /** A loose ref file that JGit skipped holds something other than an id or a symbolic ref. */
  private static void reportUnreadable(Path gitDir, Set<String> names, HistorySink sink) {
    Path refs = gitDir.resolve("refs");
    if (!Files.isDirectory(refs)) {
      return;
    }
    try (Stream<Path> files = Files.walk(refs)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name =
            gitDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (!names.contains(name) && !name.endsWith(".lock")) {
          checkLooseRef(file, name, sink);
        }
      }
    } catch (IOException e) {
      sink.problem(Problem.error("refs", "cannot list the refs folder: " + e.getMessage()));
    }
  }

  private static void checkLooseRef(Path file, String name, HistorySink sink) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (content.startsWith("ref: ")) {
        return; // a symbolic ref to a branch that does not exist yet: it hides nothing
      }
      sink.problem(
          Problem.error(
              name,
              "unreadable ref: its file does not hold an object id; the commits only it reaches"
                  + " were not scanned (run 'git fsck', then fix or delete the ref)"));
    } catch (IOException e) {
      sink.problem(
          Problem.error(
              name, "unreadable ref (" + e.getMessage() + "): check the file's permissions"));
    }
  }

  /** The branch HEAD names (or origin/HEAD when HEAD is detached), if it exists. */
  static @Nullable DefaultBranch defaultBranch(Repository repository) {
    for (String name : List.of(Constants.HEAD, "refs/remotes/origin/HEAD")) {
      try {
        Ref ref = repository.exactRef(name);
        if (ref != null && ref.isSymbolic() && ref.getObjectId() != null) {
          String target = ref.getTarget().getName();
          return new DefaultBranch(Repository.shortenRefName(target), ref.getObjectId());
        }
      } catch (IOException e) {
        // No default branch: findings say nothing about the tip.
      }
    }
    return null;
  }
}
