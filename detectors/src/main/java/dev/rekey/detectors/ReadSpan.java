package dev.rekey.detectors;

/**
 * A view of all of some content that notes the span of offsets read through it: what a rule's
 * pattern and check looked at to judge a candidate (see {@link Verdicts}). A sub-sequence, a
 * decoded string or the raw bytes handed out count as read whole, so the span covers every byte the
 * check could see.
 */
final class ReadSpan extends ByteText {
  private final ByteText text;
  private int low;
  private int high;

  /** A view of {@code text}, which must view all of its bytes, read through it. */
  ReadSpan(ByteText text) {
    super(text.bytes());
    this.text = text;
    reset();
  }

  /** Forgets what was read. */
  void reset() {
    low = Integer.MAX_VALUE;
    high = Integer.MIN_VALUE;
  }

  /** The first offset read ({@code Integer.MAX_VALUE} when none was). */
  int low() {
    return low;
  }

  /** The offset just past the last one read ({@code Integer.MIN_VALUE} when none was). */
  int high() {
    return high;
  }

  private void read(int from, int to) {
    low = Math.min(low, from);
    high = Math.max(high, to);
  }

  @Override
  public byte[] bytes() {
    read(0, length());
    return text.bytes();
  }

  @Override
  public char charAt(int index) {
    read(index, index + 1);
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    read(start, end);
    return text.subSequence(start, end);
  }

  @Override
  public String utf8(int start, int end) {
    read(start, end);
    return text.utf8(start, end);
  }

  @Override
  public String toString() {
    read(0, length());
    return text.toString();
  }
}
