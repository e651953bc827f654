package dev.rekey.scanner;

import org.jspecify.annotations.Nullable;

/** Where a blob was seen. A blob seen at many places has many provenances and is scanned once. */
public sealed interface Provenance {

  /** The kind of place, reported as {@code source}. */
  SourceKind kind();

  /** The path relative to the scanned root, {@code /}-separated; null for a commit message. */
  @Nullable String path();

  /** The commit the blob was seen in, or null outside git history. */
  default @Nullable CommitInfo commit() {
    return null;
  }

  /** A file in a working tree or plain directory. */
  record File(String path) implements Provenance {
    @Override
    public SourceKind kind() {
      return SourceKind.WORKTREE;
    }
  }

  /** A blob at {@code path} in the tree of {@code commit}. */
  record GitBlob(CommitInfo commit, String path) implements Provenance {
    @Override
    public SourceKind kind() {
      return SourceKind.HISTORY;
    }
  }

  /** The message of a commit or annotated tag. */
  record CommitMessage(CommitInfo commit) implements Provenance {
    @Override
    public SourceKind kind() {
      return SourceKind.COMMIT_MESSAGE;
    }

    @Override
    public @Nullable String path() {
      return null;
    }
  }

  /**
   * A blob that no commit reaches, found in the object database (with {@code --all-objects}):
   * typically content that was added to the index and never committed.
   */
  record Unreachable(String objectId) implements Provenance {
    @Override
    public SourceKind kind() {
      return SourceKind.UNREACHABLE;
    }

    @Override
    public @Nullable String path() {
      return null;
    }
  }

  /** A file as staged in the index, about to be committed. */
  record Staged(String path) implements Provenance {
    @Override
    public SourceKind kind() {
      return SourceKind.STAGED;
    }
  }

  /** A file of a built client bundle (JavaScript, CSS, source map). */
  record Bundle(String path) implements Provenance {
    @Override
    public SourceKind kind() {
      return SourceKind.BUNDLE;
    }
  }

  /** A resource fetched from a deployed site. */
  record Url(String url) implements Provenance {
    @Override
    public SourceKind kind() {
      return SourceKind.URL;
    }

    @Override
    public String path() {
      return url;
    }
  }
}
