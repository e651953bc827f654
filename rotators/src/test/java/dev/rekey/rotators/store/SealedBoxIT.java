package dev.rekey.rotators.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * libsodium itself, through PyNaCl's {@code SealedBox} (installed from PyPI by {@code test.sh}),
 * opens what {@link SealedBox} seals: what GitHub does with an Actions secret.
 */
class SealedBoxIT {

  @Test
  void libsodiumOpensOurSealedBox() throws Exception {
    X25519PrivateKeyParameters recipient = new X25519PrivateKeyParameters(new SecureRandom());
    String secret = "sk-svcacct-" + "Zx9".repeat(30) + " ünïcødé";
    byte[] box =
        SealedBox.seal(
            secret.getBytes(StandardCharsets.UTF_8), recipient.generatePublicKey().getEncoded());

    String opened =
        python(
            """
            import sys, base64, nacl.public
            key = nacl.public.PrivateKey(bytes.fromhex(sys.argv[1]))
            box = nacl.public.SealedBox(key)
            sys.stdout.buffer.write(box.decrypt(base64.b64decode(sys.argv[2])))
            """,
            HexFormat.of().formatHex(recipient.getEncoded()),
            Base64.getEncoder().encodeToString(box));

    assertThat(opened).isEqualTo(secret);
  }

  private static String python(String script, String... args) throws Exception {
    String[] command = new String[3 + args.length];
    command[0] = "python3";
    command[1] = "-c";
    command[2] = script;
    System.arraycopy(args, 0, command, 3, args.length);
    Process process = new ProcessBuilder(command).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("PyNaCl (pip install pynacl): %s", err).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
