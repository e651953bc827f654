package dev.rekey.scanner.staged;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StagedDiffTest {
  private static final String BLOB = "a7bc997ebe8cf84988b83d2e83f1d193124fe593";

  @Test
  void hunkHeadersGiveTheAddedLinesOfTheNewFile() {
    String patch =
        """
        diff --git a/f.txt b/g.txt
        similarity index 50%
        rename from f.txt
        rename to g.txt
        index de980441c3ab03a8c07dda1ad27b8a11f39deb1e..BLOB 100644
        --- a/f.txt
        +++ b/g.txt
        @@ -2 +2 @@ a
        -b
        +B
        @@ -3,0 +4,3 @@ c
        +d
        ++++ not a header
        +diff --git not a header either
        @@ -9,2 +10,0 @@
        -gone
        -gone
        """
            .replace("BLOB", BLOB);
    List<StagedFile> files = StagedDiff.parse(patch);
    assertThat(files).hasSize(1);
    StagedFile file = files.getFirst();
    assertThat(file.path()).isEqualTo("g.txt");
    assertThat(file.blob().hex()).isEqualTo(BLOB);
    assertThat(file.addedLines()).hasToString("[2-2, 4-6]");
    assertThat(file.addedLines().contains(3)).isFalse();
    assertThat(file.addedLines().contains(5)).isTrue();
  }

  @Test
  void quotedPathsAndTrailingTabsAreRead() {
    String patch =
        """
        diff --git "a/tab\\there" "b/tab\\there"
        new file mode 100644
        index 0000000000000000000000000000000000000000..BLOB
        --- /dev/null
        +++ "b/caf\\303\\251 \\"q\\".txt"
        @@ -0,0 +1 @@
        +x
        diff --git a/sp ace.txt b/sp ace.txt
        new file mode 100755
        index 0000000000000000000000000000000000000000..BLOB
        --- /dev/null
        +++ b/sp ace.txt\t
        @@ -0,0 +1 @@
        +y
        """
            .replace("BLOB", BLOB);
    assertThat(StagedDiff.parse(patch))
        .extracting(StagedFile::path)
        .containsExactly("café \"q\".txt", "sp ace.txt");
  }

  @Test
  void binaryFilesSymlinksAndSubmodulesAreLeftOut() {
    String patch =
        """
        diff --git a/bin.dat b/bin.dat
        new file mode 100644
        index 0000000000000000000000000000000000000000..BLOB
        Binary files /dev/null and b/bin.dat differ
        diff --git a/link b/link
        new file mode 120000
        index 0000000000000000000000000000000000000000..BLOB
        --- /dev/null
        +++ b/link
        @@ -0,0 +1 @@
        +target
        \\ No newline at end of file
        """
            .replace("BLOB", BLOB);
    assertThat(StagedDiff.parse(patch)).isEmpty();
  }
}
