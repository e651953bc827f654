package dev.rekey.rotators.provider;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.RotationException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Matches a leaked key to a provider's key id through the redacted hints list endpoints return
 * ({@code sk-svcacct-Ab...wxyz}, {@code sk-ant-api03-R2D...igAA}, {@code npm_Ab12…9xyz}): the key
 * must start with the hint's visible head and end with its visible tail, of at least four
 * characters. Exactly one match identifies the key; none or several are refused, and rekey never
 * revokes a key it did not identify.
 */
public final class KeyHint {
  private static final Pattern MASK = Pattern.compile("(\\.{3}|…|\\*{3,}|•{3,}|·{3,})");
  private static final int MIN_VISIBLE = 4;

  private KeyHint() {}

  /** A key the provider lists: its id and hint (null when it gives none). */
  public record Listed(String id, @Nullable String hint) {}

  /** Whether {@code hint} shows the leaked key: visible head and tail both match. */
  public static boolean matches(SecretValue key, @Nullable String hint) {
    if (hint == null) {
      return false;
    }
    Matcher mask = MASK.matcher(hint);
    if (!mask.find()) {
      return hint.equals(key.reveal());
    }
    String head = hint.substring(0, mask.start());
    String tail = hint.substring(mask.end());
    String value = key.reveal();
    return head.length() + tail.length() < value.length()
        && tail.length() >= MIN_VISIBLE
        && value.startsWith(head)
        && value.endsWith(tail);
  }

  /**
   * The id of the one listed key whose hint matches.
   *
   * @param what e.g. "OpenAI project API keys", for the message
   * @throws RotationException a user error when none or several match
   */
  public static String identify(String what, SecretValue key, List<Listed> listed)
      throws RotationException {
    List<Listed> matching = listed.stream().filter(l -> matches(key, l.hint())).toList();
    if (matching.size() == 1) {
      return matching.getFirst().id();
    }
    if (matching.isEmpty()) {
      throw RotationException.user(
          "none of the "
              + listed.size()
              + " "
              + what
              + " matches the leaked key "
              + key.redacted()
              + ": it was already deleted, or belongs to another account; nothing was revoked");
    }
    throw RotationException.user(
        matching.size()
            + " "
            + what
            + " ("
            + String.join(", ", matching.stream().map(Listed::id).toList())
            + ") match the leaked key's hint "
            + key.redacted()
            + ": rekey revokes only a key it identified; revoke the right one on the provider's"
            + " page");
  }
}
