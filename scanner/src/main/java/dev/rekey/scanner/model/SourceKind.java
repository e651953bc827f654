package dev.rekey.scanner.model;

import java.util.Locale;

/** Where a finding was seen, as reported in the {@code source} field. */
public enum SourceKind {
  WORKTREE,
  HISTORY,
  STAGED,
  BUNDLE,
  URL,
  COMMIT_MESSAGE,
  UNREACHABLE;

  /** The report label, e.g. {@code commit-message}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
