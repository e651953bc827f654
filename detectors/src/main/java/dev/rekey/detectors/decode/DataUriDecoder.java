package dev.rekey.detectors.decode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The payload of a base64 {@code data:} URI whose media type is text ({@code text/*}, JSON,
 * JavaScript, XML, YAML, or none); images and fonts are left alone.
 */
public final class DataUriDecoder implements Decoder {
  private static final int MEDIA_TYPE_REACH = 100;

  @Override
  public List<String> keywords() {
    return List.of(";base64,");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    if (!textual(mediaType(data, hitStart))) {
      return hitEnd;
    }
    int end = Base64Text.runEnd(data, hitEnd, data.length);
    Decoded decoded = Base64Text.decode(data, hitEnd, end, 8, "base64");
    if (decoded != null) {
      out.add(decoded);
    }
    return hitEnd;
  }

  private static String mediaType(byte[] data, int semicolon) {
    int from = Math.max(0, semicolon - MEDIA_TYPE_REACH);
    String before = new String(data, from, semicolon - from, StandardCharsets.ISO_8859_1);
    int scheme = before.toLowerCase(Locale.ROOT).lastIndexOf("data:");
    return scheme < 0 ? "?" : before.substring(scheme + 5).toLowerCase(Locale.ROOT);
  }

  private static boolean textual(String mediaType) {
    String type =
        mediaType.contains(";") ? mediaType.substring(0, mediaType.indexOf(';')) : mediaType;
    return type.isEmpty()
        || type.startsWith("text/")
        || type.endsWith("json")
        || type.endsWith("javascript")
        || type.endsWith("xml")
        || type.endsWith("yaml")
        || type.endsWith("x-sh")
        || type.equals("application/octet-stream");
  }
}
