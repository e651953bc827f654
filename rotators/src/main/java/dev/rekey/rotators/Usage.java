package dev.rekey.rotators;

/**
 * What a {@link UsageCheck} saw of the old credential just before revocation. Evidence is a
 * sentence of non-secret facts (key ids, role names, session counts, times): it goes in the journal
 * and on the terminal.
 */
public sealed interface Usage {

  /** What was seen, or why nothing could be. */
  String evidence();

  /** Nothing uses the old credential any more, as far as its provider can tell. */
  record Idle(String evidence) implements Usage {}

  /** Something still uses the old credential: revoking it now would break that user. */
  record InUse(String evidence) implements Usage {}

  /** The provider cannot tell (no last-use record, no session list): revocation goes ahead. */
  record Unknown(String evidence) implements Usage {}
}
