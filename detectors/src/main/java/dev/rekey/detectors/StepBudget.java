package dev.rekey.detectors;

/**
 * The text a rule's pattern runs over, counting every character the regular-expression engine
 * reads. A pattern that backtracks catastrophically on crafted content — a custom rule such as
 * {@code key(.*a){25}$}, or a built-in one on text made to trip it — reads characters without end;
 * counted, it is stopped when its rule's budget for the content runs out, and the rule gives up on
 * that content instead of hanging the scan.
 */
final class StepBudget implements CharSequence {
  /** Thrown out of the matcher when the budget is spent; carries no stack trace. */
  static final class Spent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Spent() {
      super("matching step budget spent", null, false, false);
    }
  }

  private static final Spent SPENT = new Spent();

  private final ByteText text;
  private long left;

  StepBudget(ByteText text) {
    this.text = text;
  }

  /** Allows {@code steps} more character reads. */
  void allow(long steps) {
    left = steps;
  }

  /** The reads left of what was last allowed. */
  long left() {
    return left;
  }

  @Override
  public char charAt(int index) {
    if (--left < 0) {
      throw SPENT;
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
