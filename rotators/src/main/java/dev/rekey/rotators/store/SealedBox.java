package dev.rekey.rotators.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.util.Pack;

/**
 * libsodium's sealed box ({@code crypto_box_seal}), which GitHub requires for Actions secrets,
 * built from BouncyCastle primitives: an ephemeral X25519 key pair, the nonce {@code
 * BLAKE2b-192(ephemeral public key ‖ recipient public key)}, the shared key {@code
 * HSalsa20(X25519(ephemeral secret, recipient), 0)}, then XSalsa20-Poly1305. The output is the
 * ephemeral public key (32 bytes), the Poly1305 tag (16) and the ciphertext.
 */
public final class SealedBox {
  /** The bytes a sealed box adds to its message. */
  public static final int OVERHEAD = 48;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int[] SIGMA =
      Pack.littleEndianToInt("expand 32-byte k".getBytes(StandardCharsets.US_ASCII), 0, 4);

  private SealedBox() {}

  /** Seals {@code message} to the X25519 public key {@code recipient} (32 bytes). */
  public static byte[] seal(byte[] message, byte[] recipient) {
    if (recipient.length != 32) {
      throw new IllegalArgumentException(
          "an X25519 public key has 32 bytes, not " + recipient.length);
    }
    X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(RANDOM);
    byte[] ephemeralPublic = ephemeral.generatePublicKey().getEncoded();
    byte[] shared = new byte[32];
    ephemeral.generateSecret(new X25519PublicKeyParameters(recipient, 0), shared, 0);
    byte[] key = hsalsa20(shared);
    byte[] out = new byte[OVERHEAD + message.length];
    System.arraycopy(ephemeralPublic, 0, out, 0, 32);
    secretbox(message, nonce(ephemeralPublic, recipient), key, out, 32);
    Arrays.fill(shared, (byte) 0);
    Arrays.fill(key, (byte) 0);
    return out;
  }

  /** Opens a sealed box with the recipient's key pair; throws when it was tampered with. */
  public static String open(byte[] box, X25519PrivateKeyParameters recipient) {
    byte[] ephemeralPublic = Arrays.copyOf(box, 32);
    byte[] shared = new byte[32];
    recipient.generateSecret(new X25519PublicKeyParameters(ephemeralPublic, 0), shared, 0);
    byte[] nonce = nonce(ephemeralPublic, recipient.generatePublicKey().getEncoded());
    byte[] ciphertext = Arrays.copyOfRange(box, OVERHEAD, box.length);
    XSalsa20Engine stream = new XSalsa20Engine();
    stream.init(false, new ParametersWithIV(new KeyParameter(hsalsa20(shared)), nonce));
    byte[] polyKey = new byte[32];
    stream.processBytes(new byte[32], 0, 32, polyKey, 0);
    byte[] tag = mac(polyKey, ciphertext);
    if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(box, 32, OVERHEAD))) {
      throw new IllegalArgumentException("the sealed box does not authenticate");
    }
    byte[] message = new byte[ciphertext.length];
    stream.processBytes(ciphertext, 0, ciphertext.length, message, 0);
    return new String(message, StandardCharsets.UTF_8);
  }

  /** XSalsa20-Poly1305 ({@code crypto_secretbox}): writes tag then ciphertext at {@code at}. */
  private static void secretbox(byte[] message, byte[] nonce, byte[] key, byte[] out, int at) {
    XSalsa20Engine stream = new XSalsa20Engine();
    stream.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    byte[] polyKey = new byte[32];
    stream.processBytes(new byte[32], 0, 32, polyKey, 0);
    byte[] ciphertext = new byte[message.length];
    stream.processBytes(message, 0, message.length, ciphertext, 0);
    System.arraycopy(mac(polyKey, ciphertext), 0, out, at, 16);
    System.arraycopy(ciphertext, 0, out, at + 16, ciphertext.length);
  }

  private static byte[] mac(byte[] polyKey, byte[] ciphertext) {
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(polyKey));
    poly.update(ciphertext, 0, ciphertext.length);
    byte[] tag = new byte[16];
    poly.doFinal(tag, 0);
    return tag;
  }

  /** {@code BLAKE2b-192(ephemeral ‖ recipient)}, unkeyed. */
  static byte[] nonce(byte[] ephemeralPublic, byte[] recipient) {
    Blake2bDigest blake = new Blake2bDigest(24 * 8);
    blake.update(ephemeralPublic, 0, 32);
    blake.update(recipient, 0, 32);
    byte[] nonce = new byte[24];
    blake.doFinal(nonce, 0);
    return nonce;
  }

  /**
   * HSalsa20 of {@code key} with a zero input ({@code crypto_box_beforenm}): the Salsa20 core
   * without its final addition, words 0, 5, 10, 15, 6, 7, 8 and 9.
   */
  static byte[] hsalsa20(byte[] key) {
    int[] state = new int[16];
    state[0] = SIGMA[0];
    state[5] = SIGMA[1];
    state[10] = SIGMA[2];
    state[15] = SIGMA[3];
    Pack.littleEndianToInt(key, 0, state, 1, 4);
    Pack.littleEndianToInt(key, 16, state, 11, 4);
    int[] mixed = new int[16];
    Salsa20Engine.salsaCore(20, state, mixed);
    int[] words = {0, 5, 10, 15, 6, 7, 8, 9};
    byte[] out = new byte[32];
    for (int i = 0; i < words.length; i++) {
      Pack.intToLittleEndian(mixed[words[i]] - state[words[i]], out, i * 4);
    }
    return out;
  }
}
