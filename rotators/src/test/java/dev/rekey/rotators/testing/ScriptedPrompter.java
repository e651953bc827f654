package dev.rekey.rotators.testing;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A user who pastes the given keys in turn and answers the given confirmations. */
public final class ScriptedPrompter implements Prompter {
  public final Deque<String> keys = new ArrayDeque<>();
  public final Deque<Boolean> answers = new ArrayDeque<>();
  public final List<String> shown = new ArrayList<>();

  @Override
  public void show(String message) {
    shown.add(message);
  }

  @Override
  public SecretValue readSecret(String prompt) throws RotationException {
    if (keys.isEmpty()) {
      throw RotationException.user("no key was typed (end of input)");
    }
    return SecretValue.of(keys.removeFirst());
  }

  @Override
  public boolean confirm(String question) {
    return !answers.isEmpty() && answers.removeFirst();
  }
}
