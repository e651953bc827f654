package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.detectors.rules.RuleCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;
import org.eclipse.jgit.internal.storage.pack.BinaryDelta;
import org.eclipse.jgit.internal.storage.pack.DeltaIndex;
import org.junit.jupiter.api.Test;

class DeltaTest {
  private static final KeywordScanner KEYWORDS = new Engine(RuleCatalog.builtIn()).keywordScanner();

  @Test
  void appliesDeltasExactlyAsGitDoesAndFindsEveryKeywordAPassWould() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      byte[] base = text(random, 1 + random.nextInt(20_000));
      byte[] target = edit(random, base);
      byte[] delta = encode(base, target);
      Delta.Result result = Delta.apply(base, delta, KEYWORDS, KEYWORDS.scan(base));
      assertThat(result.content()).isEqualTo(target).isEqualTo(BinaryDelta.apply(base, delta));
      assertThat(hits(result)).isEqualTo(PackStreamTest.occurrences(KEYWORDS.scan(target)));
    }
  }

  /**
   * Copies from anywhere in the base, in any order (as git's deltas of moved or minified text are),
   * with inserts between them: the occurrences worked out are those a pass finds.
   */
  @Test
  void copiesInAnyOrderCarryExactlyTheOccurrencesAPassFinds() throws IOException {
    Random random = new Random(41);
    for (int round = 0; round < 300; round++) {
      byte[] base = round % 2 == 0 ? text(random, 1 + random.nextInt(5_000)) : words(random);
      ByteArrayOutputStream instructions = new ByteArrayOutputStream();
      int total = 0;
      for (int n = random.nextInt(200); n > 0; n--) {
        if (random.nextInt(4) == 0) {
          byte[] inserted = text(random, 1 + random.nextInt(30));
          instructions.write(inserted.length);
          instructions.write(inserted, 0, inserted.length);
          total += inserted.length;
        } else {
          int offset = random.nextInt(base.length);
          int size = 1 + random.nextInt(Math.min(300, base.length - offset));
          instructions.write(0x80 | 0x0F | 0x30);
          for (int bit = 0; bit < 4; bit++) {
            instructions.write(offset >>> (8 * bit));
          }
          instructions.write(size);
          instructions.write(size >>> 8);
          total += size;
        }
      }
      ByteArrayOutputStream delta = new ByteArrayOutputStream();
      varint(delta, base.length);
      varint(delta, total);
      instructions.writeTo(delta);
      Delta.Result result = Delta.apply(base, delta.toByteArray(), KEYWORDS, KEYWORDS.scan(base));
      assertThat(result.content()).isEqualTo(BinaryDelta.apply(base, delta.toByteArray()));
      assertThat(hits(result))
          .isEqualTo(PackStreamTest.occurrences(KEYWORDS.scan(result.content())));
    }
  }

  @Test
  void aKeywordTheDeltaInsertsIsSeen() throws IOException {
    byte[] base = bytes("const key = process.env.KEY;\n".repeat(50));
    byte[] target = bytes("const key = process.env.KEY;\n".repeat(25) + "// sk_live_ here\n");
    Delta.Result result = Delta.apply(base, encode(base, target), KEYWORDS, KEYWORDS.scan(base));
    assertThat(hits(result))
        .isNotEmpty()
        .isEqualTo(PackStreamTest.occurrences(KEYWORDS.scan(target)));
  }

  @Test
  void aKeywordAcrossASeamBetweenTwoCopiesIsSeen() throws IOException {
    String half = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(3);
    byte[] base = bytes(half + "SK_" + half + "LIVE_" + half);
    byte[] delta = delta(base.length, copy(half.length(), 3), copy(2 * half.length() + 3, 5));
    Delta.Result result = Delta.apply(base, delta, KEYWORDS, KEYWORDS.scan(base));
    assertThat(new String(result.content(), StandardCharsets.UTF_8)).isEqualTo("SK_LIVE_");
    assertThat(hits(result))
        .isNotEmpty()
        .isEqualTo(PackStreamTest.occurrences(KEYWORDS.scan(result.content())));
  }

  @Test
  void nothingIsWorkedOutWithoutTheBasesOccurrences() throws IOException {
    byte[] base = bytes("token: ghp_\n" + "x".repeat(200));
    byte[] target = bytes("token: ghp_\n" + "x".repeat(201));
    assertThat(Delta.apply(base, encode(base, target), KEYWORDS, null).hits()).isNull();
    assertThat(Delta.apply(base, encode(base, target), null, KeywordHits.NONE).hits()).isNull();
  }

  @Test
  void aDeltaThatDoesNotFitItsBaseIsRejected() {
    byte[] base = bytes("short");
    KeywordHits none = KeywordHits.NONE;
    assertThatThrownBy(() -> Delta.apply(base, delta(base.length, copy(2, 10)), KEYWORDS, none))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Delta.apply(base, delta(99, copy(0, 1)), KEYWORDS, none))
        .isInstanceOf(IOException.class);
  }

  private static java.util.List<String> hits(Delta.Result result) {
    return PackStreamTest.occurrences(Objects.requireNonNull(result.hits(), "no hits"));
  }

  private static byte[] encode(byte[] base, byte[] target) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DeltaIndex(base).encode(out, target);
    return out.toByteArray();
  }

  /** A delta of copy instructions producing their total length. */
  private static byte[] delta(int baseSize, byte[]... copies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, baseSize);
    int total = 0;
    for (byte[] copy : copies) {
      total += (copy[copy.length - 1] & 0xff);
    }
    varint(out, total);
    for (byte[] copy : copies) {
      out.write(copy, 0, copy.length);
    }
    return out.toByteArray();
  }

  /** A copy instruction of up to 255 bytes from an offset below 256. */
  private static byte[] copy(int offset, int size) {
    return new byte[] {(byte) 0x91, (byte) offset, (byte) size};
  }

  private static void varint(ByteArrayOutputStream out, int value) {
    int rest = value;
    while (rest >= 0x80) {
      out.write((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.write(rest);
  }

  /** Text dense with keywords: many occurrences for the copies to carry. */
  private static byte[] words(Random random) {
    String[] words = {"token", "key-", "pass", "secret", "sk_live_", "ab", "x", " ", "\n", "="};
    StringBuilder text = new StringBuilder();
    for (int n = 1 + random.nextInt(2_000); n > 0; n--) {
      text.append(words[random.nextInt(words.length)]);
    }
    return bytes(text.toString());
  }

  private static byte[] text(Random random, int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz_-SKLIVEGHPTOKN:/% \n";
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return out;
  }

  /** {@code base} with a few runs replaced, inserted or removed, as successive versions differ. */
  private static byte[] edit(Random random, byte[] base) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < base.length) {
      int run = 1 + random.nextInt(Math.max(1, base.length / 4));
      out.write(base, at, Math.min(run, base.length - at));
      at += run;
      if (random.nextInt(3) == 0) {
        byte[] inserted = text(random, random.nextInt(40));
        out.write(inserted, 0, inserted.length);
      }
      at += random.nextInt(20);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
