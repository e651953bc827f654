package dev.rekey.rotators;

import dev.rekey.detectors.SecretValue;

/**
 * How a guided rotation talks to the user. The command line implements it on the terminal; a
 * non-interactive run gets one that refuses, so guided rotations fail with a clear message.
 */
public interface Prompter {

  /** Shows instructions: the provider's page, what to do there. */
  void show(String message);

  /** Reads a secret without echoing it; throws a user error when no one can type it. */
  SecretValue readSecret(String prompt) throws RotationException;

  /**
   * Reads the new key for {@code credential}: by default from the user, as {@link
   * #readSecret(String)}; the command line may supply it from a file or variable instead.
   */
  default SecretValue readSecret(Credential credential, String prompt) throws RotationException {
    return readSecret(prompt);
  }

  /** Asks a yes/no question; false when no one can answer. */
  boolean confirm(String question);

  /** A prompter for runs without a terminal: shows nothing, reads nothing, confirms nothing. */
  Prompter NONE =
      new Prompter() {
        @Override
        public void show(String message) {}

        @Override
        public SecretValue readSecret(String prompt) throws RotationException {
          throw RotationException.user(
              "a guided rotation needs the new key: run rekey rotate at a terminal, or pass"
                  + " --new-key-from FILE|env:NAME");
        }

        @Override
        public boolean confirm(String question) {
          return false;
        }
      };
}
