package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntropyTest {
  @Test
  void alphabetIsTheSmallestThatFits() {
    assertThat(Entropy.Alphabet.of("deadbeef0123")).isEqualTo(Entropy.Alphabet.HEX);
    assertThat(Entropy.Alphabet.of("Zq8vN2xLp4Rt")).isEqualTo(Entropy.Alphabet.BASE62);
    assertThat(Entropy.Alphabet.of("Zq8v/N2x+Lp4=")).isEqualTo(Entropy.Alphabet.BASE64);
    assertThat(Entropy.Alphabet.of("Zq8v!N2x")).isEqualTo(Entropy.Alphabet.PRINTABLE);
  }

  @Test
  void randomKeysScoreNearOneInTheirOwnAlphabet() {
    assertThat(Entropy.randomness("f3a9c1e7b2d84f6a9e0c3b5d7f1a2e4c")).isGreaterThan(0.9);
    assertThat(Entropy.randomness("Qm7Xc2Vt9LpZr4Kw8NbH3JyF6DsGa1Te")).isGreaterThan(0.9);
    assertThat(Entropy.randomness("kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8")).isGreaterThan(0.85);
  }

  @Test
  void wordsAndRepetitionScoreWellBelow() {
    assertThat(Entropy.looksRandom("my-super-secret-password")).isFalse();
    assertThat(Entropy.looksRandom("aaaaaaaabbbbbbbb")).isFalse();
    assertThat(Entropy.looksRandom("passwordpassword")).isFalse();
    assertThat(Entropy.looksRandom("Qm7Xc2Vt9LpZr4Kw8NbH3JyF6DsGa1Te")).isTrue();
  }

  @Test
  void shannonOfUniformTextIsLogOfItsAlphabet() {
    assertThat(Entropy.shannon("abcd")).isEqualTo(2.0);
    assertThat(Entropy.shannon("")).isZero();
  }
}
