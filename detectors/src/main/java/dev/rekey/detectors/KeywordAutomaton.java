package dev.rekey.detectors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over bytes that finds every occurrence of a set of keywords in one
 * pass, ignoring ASCII case. The transition table is a full DFA over an alphabet reduced to the
 * bytes that occur in keywords, with state numbers premultiplied by the row width and negated when
 * the state reports a keyword, so the inner loop is one load and one sign test per byte.
 */
final class KeywordAutomaton {

  private final int[] byteClass = new int[256];
  private final int stride;
  private final int[] next;
  private final int[][] outputs;
  private final int[] keywordLengths;

  /** The depth of each state, at its number in {@link #next} (premultiplied): no division. */
  private final int[] depthAt;

  private final KeywordPrefixes prefixes;
  private final int longest;

  KeywordAutomaton(List<String> keywords) {
    keywordLengths = new int[keywords.size()];
    List<byte[]> folded = new ArrayList<>(keywords.size());
    for (String keyword : keywords) {
      byte[] bytes = keyword.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = fold(bytes[i]);
      }
      folded.add(bytes);
    }
    int classes = 1;
    Arrays.fill(byteClass, 0);
    for (byte[] bytes : folded) {
      for (byte b : bytes) {
        if (byteClass[b & 0xff] == 0) {
          byteClass[b & 0xff] = classes++;
        }
      }
    }
    for (int b = 'A'; b <= 'Z'; b++) {
      byteClass[b] = byteClass[b + ('a' - 'A')];
    }
    stride = classes;

    // Build the trie.
    List<int[]> goTo = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    List<Integer> depth = new ArrayList<>();
    goTo.add(filled(classes));
    out.add(new ArrayList<>());
    depth.add(0);
    for (int k = 0; k < folded.size(); k++) {
      byte[] bytes = folded.get(k);
      keywordLengths[k] = bytes.length;
      int state = 0;
      for (byte b : bytes) {
        int c = byteClass[b & 0xff];
        if (goTo.get(state)[c] < 0) {
          goTo.get(state)[c] = goTo.size();
          goTo.add(filled(classes));
          out.add(new ArrayList<>());
          depth.add(depth.get(state) + 1);
        }
        state = goTo.get(state)[c];
      }
      out.get(state).add(k);
    }

    // Breadth-first: failure links, then complete the DFA.
    int states = goTo.size();
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < classes; c++) {
      int s = goTo.get(0)[c];
      if (s < 0) {
        goTo.get(0)[c] = 0;
      } else {
        fail[s] = 0;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int r = queue.poll();
      out.get(r).addAll(out.get(fail[r]));
      for (int c = 0; c < classes; c++) {
        int s = goTo.get(r)[c];
        if (s < 0) {
          goTo.get(r)[c] = goTo.get(fail[r])[c];
        } else {
          fail[s] = goTo.get(fail[r])[c];
          queue.add(s);
        }
      }
    }

    int[] depths = depth.stream().mapToInt(Integer::intValue).toArray();
    longest = Arrays.stream(keywordLengths).max().orElse(0);
    prefixes = new KeywordPrefixes(folded, byteClass, classes);
    next = new int[states * classes];
    depthAt = new int[states * classes];
    for (int st = 0; st < states; st++) {
      depthAt[st * classes] = depths[st];
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
    for (int s = 0; s < states; s++) {
      for (int c = 0; c < classes; c++) {
        int target = goTo.get(s)[c];
        int encoded = target * classes;
        next[s * classes + c] = outputs[target].length > 0 ? -encoded : encoded;
      }
    }
  }

  /**
   * Reports every keyword occurrence in {@code data[from, to)}, in increasing order of end offset.
   */
  void scan(byte[] data, int from, int to, KeywordScanner.Occurrence sink) {
    int[] table = next;
    int[] classOf = byteClass;
    int state = 0;
    for (int i = from; i < to; i++) {
      int target = table[state + classOf[data[i] & 0xff]];
      if (target < 0) {
        state = -target;
        for (int keyword : outputs[state / stride]) {
          sink.at(keyword, i + 1);
        }
      } else {
        state = target;
      }
    }
  }

  /**
   * Reports every keyword occurrence that starts in {@code data[from, at)} and ends after {@code
   * at}: those straddling {@code at}. Costs a few bytes, not a keyword's length on each side: the
   * pass starts at the earliest byte from which a keyword could still be under way at {@code at},
   * and stops once no keyword begun before {@code at} can still be.
   */
  void crossing(byte[] data, int at, int from, KeywordScanner.Occurrence sink) {
    int start = prefixes.earliest(data, at, Math.max(from, at - longest + 1));
    if (start < 0) {
      return;
    }
    int[] table = next;
    int state = 0;
    int end = Math.min(data.length, at + longest - 1);
    for (int i = start; i < end; i++) {
      int target = table[state + byteClass[data[i] & 0xff]];
      state = target < 0 ? -target : target;
      if (target < 0) {
        for (int keyword : outputs[state / stride]) {
          if (i + 1 > at && i + 1 - keywordLengths[keyword] < at) {
            sink.at(keyword, i + 1);
          }
        }
      }
      if (i >= at && depthAt[state] <= i + 1 - at) {
        return;
      }
    }
  }

  /** The length in bytes of the longest keyword. */
  int longest() {
    return longest;
  }

  /** The length in bytes of keyword {@code k}. */
  int length(int keyword) {
    return keywordLengths[keyword];
  }

  private static int[] filled(int size) {
    int[] row = new int[size];
    Arrays.fill(row, -1);
    return row;
  }

  private static byte fold(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }
}
