package dev.rekey.detectors.decode;

import java.util.List;

/** The built-in decoders. */
public final class Decoders {
  private Decoders() {}

  /** Every built-in decoder. */
  public static List<Decoder> all() {
    return List.of(
        new KubernetesSecretDecoder(),
        new BasicAuthDecoder(),
        new DockerAuthDecoder(),
        new Base64PemDecoder(),
        new DataUriDecoder(),
        new Base64CallDecoder(),
        new PercentDecoder(),
        new JsEscapeDecoder());
  }
}
