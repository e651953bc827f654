package dev.rekey.scanner.model;

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

  /** Maps positions in the blob back to original sources (source maps), or null. */
  default @Nullable OriginalPositions positions() {
    return null;
  }

  /** The file that holds this one (a source map holding an embedded source), or null. */
  default @Nullable String container() {
    return null;
  }

  /**
   * A file in a working tree or plain directory.
   *
   * @param tracked whether git tracks it (false for untracked and ignored files and outside git)
   */
  record File(String path, boolean tracked) implements Provenance {
    /** An untracked file, or one outside git. */
    public File(String path) {
      this(path, false);
    }

    @Override
    public SourceKind kind() {
      return SourceKind.WORKTREE;
    }
  }

  /**
   * A file git ignores, read because a build may ship what it holds: an env file such as {@code
   * .env.local}. What it holds stays on this machine unless a browser-exposed variable assigns it,
   * so a secret found only there is reported at {@code info}.
   */
  record IgnoredFile(String path) implements Provenance {
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

  /**
   * A file of a built client bundle (JavaScript, CSS, HTML, source map, copied asset).
   *
   * @param exposure public for client assets, server for server chunks
   * @param positions maps positions back to original sources, or null
   */
  record Bundle(String path, Exposure exposure, @Nullable OriginalPositions positions)
      implements Provenance {
    /** A public bundle file with no source map. */
    public Bundle(String path) {
      this(path, Exposure.PUBLIC, null);
    }

    @Override
    public SourceKind kind() {
      return SourceKind.BUNDLE;
    }
  }

  /**
   * A source embedded in a source map ({@code sourcesContent}), reported at its own path: a
   * position in it is a position in the original file, not in the one-line map.
   *
   * @param path the original file, as the map names it, resolved against the scanned root
   * @param map where the map was seen: a {@link Bundle} file or a {@link Url}, whose kind and
   *     exposure this source shares
   */
  record Embedded(String path, Provenance map) implements Provenance {
    @Override
    public SourceKind kind() {
      return map.kind();
    }

    @Override
    public OriginalPositions positions() {
      return site -> new OriginalPosition(path, site.line(), site.utf16Column() + 1);
    }

    @Override
    public @Nullable String container() {
      return map.path();
    }
  }

  /**
   * A resource fetched from a deployed site.
   *
   * @param positions maps positions back to original sources, or null
   */
  record Url(String url, @Nullable OriginalPositions positions) implements Provenance {
    /** A fetched resource with no source map. */
    public Url(String url) {
      this(url, null);
    }

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
