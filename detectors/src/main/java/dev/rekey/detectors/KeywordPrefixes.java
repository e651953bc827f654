package dev.rekey.detectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Every proper prefix of the keywords, read backwards: finds, from a position in some content, the
 * earliest byte from which a keyword could have begun and still be under way there. Walking back
 * from that position usually stops after a byte or two, where no keyword prefix ends that way.
 */
final class KeywordPrefixes {
  private final int[] byteClass;
  private final int stride;
  private final int[] children;
  private final boolean[] member;

  /**
   * @param folded the keywords, ASCII lower case
   * @param byteClass the automaton's byte classes (0 for a byte in no keyword)
   * @param classes the number of byte classes
   */
  KeywordPrefixes(List<byte[]> folded, int[] byteClass, int classes) {
    this.byteClass = byteClass;
    this.stride = classes;
    List<int[]> nodes = new ArrayList<>();
    List<Boolean> members = new ArrayList<>();
    nodes.add(new int[classes]);
    members.add(false);
    for (byte[] keyword : folded) {
      for (int length = 1; length < keyword.length; length++) {
        int node = 0;
        for (int i = length - 1; i >= 0; i--) {
          int c = byteClass[keyword[i] & 0xff];
          if (nodes.get(node)[c] == 0) {
            nodes.get(node)[c] = nodes.size();
            nodes.add(new int[classes]);
            members.add(false);
          }
          node = nodes.get(node)[c];
        }
        members.set(node, true);
      }
    }
    children = new int[nodes.size() * classes];
    member = new boolean[nodes.size()];
    for (int n = 0; n < nodes.size(); n++) {
      System.arraycopy(nodes.get(n), 0, children, n * classes, classes);
      member[n] = members.get(n);
    }
  }

  /**
   * The smallest {@code s >= low} such that {@code data[s, at)} is a proper prefix of a keyword
   * (ignoring ASCII case), or -1 when there is none.
   */
  int earliest(byte[] data, int at, int low) {
    int node = 0;
    int found = -1;
    for (int i = at - 1; i >= low; i--) {
      int c = byteClass[data[i] & 0xff];
      node = c == 0 ? 0 : children[node * stride + c];
      if (node == 0) {
        break;
      }
      if (member[node]) {
        found = i;
      }
    }
    return found;
  }
}
