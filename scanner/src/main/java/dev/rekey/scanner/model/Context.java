package dev.rekey.scanner.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the file a secret was found in is for, judged by its path: {@link #CODE} (the default),
 * {@link #TEST} (under {@code test/}, {@code spec/}, {@code testdata/}, … or named as a test) or
 * {@link #DOCS} (documentation and examples). A secret found only in tests or documentation is
 * still a finding, one severity lower, so that a gate on {@code high} is not drowned by test
 * fixtures and a key in a test keyring is not {@code critical}.
 */
public enum Context {
  /** Application code, configuration, anything not recognised as tests or documentation. */
  CODE,
  /** Tests, test data and fixtures. */
  TEST,
  /** Documentation and examples. */
  DOCS;

  private static final Set<String> TEST_FOLDERS =
      Set.of(
          "t",
          "test",
          "tests",
          "spec",
          "specs",
          "__tests__",
          "testdata",
          "test-data",
          "test_data",
          "testing",
          "fixtures",
          "fixture",
          "__fixtures__",
          "__mocks__",
          "mocks",
          "e2e",
          "testfixtures",
          "test-fixtures",
          "unittests");

  /**
   * Go's naming for packages of test support ({@code httptest}, {@code caddytest}), but not words
   * that merely end in {@code test}.
   */
  private static final Pattern TEST_PACKAGE =
      Pattern.compile("(?!(?:la|con|at|pro|de)test$)[a-z]{2,}test");

  private static final Set<String> DOC_FOLDERS =
      Set.of(
          "doc",
          "docs",
          "documentation",
          "examples",
          "example",
          "samples",
          "sample",
          "man",
          "website",
          "guides");

  private static final Pattern TEST_FILE =
      Pattern.compile(
          ".*(?:_test\\.go|\\.(?:test|spec)\\.[cm]?[jt]sx?|_(?:test|spec)\\.(?:py|rb)|Tests?\\.(?:java"
              + "|kt|php|cs|scala|groovy|swift)|IT\\.java)|test_.*\\.py|conftest\\.py|test[._-].*");

  private static final Pattern DOC_FILE =
      Pattern.compile(".*\\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt\\.example|pod|[1-9])");

  /** The report label, e.g. {@code test}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The context of a file at {@code path} ({@code /}-separated); {@link #CODE} without one. */
  public static Context of(@Nullable String path) {
    if (path == null) {
      return CODE;
    }
    Context known = JUDGED.get(path);
    if (known != null) {
      return known;
    }
    Context judged = judge(path);
    if (JUDGED.size() < MAX_JUDGED) {
      JUDGED.put(path, judged);
    }
    return judged;
  }

  /**
   * Paths already judged: a report asks about each of a finding's locations several times (rails:
   * 24k locations at a few thousand paths).
   */
  private static final Map<String, Context> JUDGED = new ConcurrentHashMap<>();

  private static final int MAX_JUDGED = 1 << 14;

  private static Context judge(String path) {
    String[] parts = path.split("/");
    String file = parts[parts.length - 1];
    for (int i = 0; i < parts.length - 1; i++) {
      String folder = parts[i].toLowerCase(Locale.ROOT);
      if (TEST_FOLDERS.contains(folder) || TEST_PACKAGE.matcher(folder).matches()) {
        return TEST;
      }
    }
    if (TEST_FILE.matcher(file).matches()) {
      return TEST;
    }
    for (int i = 0; i < parts.length - 1; i++) {
      if (DOC_FOLDERS.contains(parts[i].toLowerCase(Locale.ROOT))) {
        return DOCS;
      }
    }
    return DOC_FILE.matcher(file.toLowerCase(Locale.ROOT)).matches() ? DOCS : CODE;
  }

  /** The least specific of two contexts: code beats tests and documentation. */
  Context widest(Context other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
