package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;

/**
 * Parses a PEM private-key block with BouncyCastle. A block whose body is a well-formed key is
 * critical; an encrypted key (PKCS#8 or legacy {@code Proc-Type} headers) is medium, since its
 * passphrase is still needed; a block that is not base64 at all is a template and dropped; one that
 * decodes but does not parse is low.
 */
final class PemKeyCheck implements Check {
  private static final byte[] OPENSSH_MAGIC =
      "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

  @Override
  public Verdict judge(Candidate candidate) {
    String block = candidate.secret().replace("\\n", "\n").replace("\\r", "");
    String label =
        block.substring("-----BEGIN ".length(), block.indexOf("PRIVATE KEY-----")).trim();
    int bodyStart = block.indexOf('\n', block.indexOf("-----", 5) + 5);
    int bodyEnd = block.lastIndexOf("-----END");
    if (bodyStart < 0 || bodyEnd <= bodyStart) {
      return Verdict.reject("no body");
    }
    String body = block.substring(bodyStart, bodyEnd);
    boolean legacyEncrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
    if (body.contains(":")) {
      body = body.substring(body.lastIndexOf(':'));
      body = body.substring(body.indexOf('\n') + 1);
    }
    byte[] der;
    try {
      String base64 = body.replaceAll("[\\s\"'\\\\,]", "");
      if (!base64.matches("[A-Za-z0-9+/=]*")) {
        return Verdict.reject("body is not base64");
      }
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return Verdict.reject("body is not base64");
    }
    if (der.length < 16) {
      return Verdict.reject("body too short for a key");
    }
    if (legacyEncrypted) {
      return encrypted(label);
    }
    return switch (parse(label, der)) {
      case KEY -> Verdict.accept(Severity.CRITICAL, Map.of("key.type", type(label)));
      case ENCRYPTED -> encrypted(label);
      case UNPARSABLE -> Verdict.accept(Severity.LOW, Map.of("key.parsed", "false"));
    };
  }

  private enum Parsed {
    KEY,
    ENCRYPTED,
    UNPARSABLE
  }

  private static Parsed parse(String label, byte[] der) {
    try {
      switch (label) {
        case "OPENSSH" -> {
          if (!startsWith(der, OPENSSH_MAGIC)) {
            return Parsed.UNPARSABLE;
          }
          if (!new String(der, OPENSSH_MAGIC.length + 4, 4, StandardCharsets.US_ASCII)
              .equals("none")) {
            return Parsed.ENCRYPTED;
          }
          OpenSSHPrivateKeyUtil.parsePrivateKeyBlob(der);
        }
        case "ENCRYPTED" -> {
          EncryptedPrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
          return Parsed.ENCRYPTED;
        }
        case "RSA" -> RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
        case "EC" -> ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
        case "DSA" -> {
          if (ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der)).size() != 6) {
            return Parsed.UNPARSABLE;
          }
        }
        default -> PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der)).parsePrivateKey();
      }
      return Parsed.KEY;
    } catch (java.io.IOException | RuntimeException e) {
      return Parsed.UNPARSABLE;
    }
  }

  private static Verdict encrypted(String label) {
    return Verdict.accept(
        Severity.MEDIUM, Map.of("key.type", type(label), "key.encrypted", "true"));
  }

  private static String type(String label) {
    return label.isEmpty() ? "PKCS8" : label;
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length + 8) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
