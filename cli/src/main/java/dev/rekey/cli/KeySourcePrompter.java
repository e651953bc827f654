package dev.rekey.cli;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supplies new keys for guided rotations from {@code --new-key-from [ID=]FILE|env:NAME} instead of
 * the terminal: for non-interactive runs (CI, scripts, tests). {@code ID} is a rule id or the start
 * of a fingerprint, as for {@code --only}; a source without one serves every credential. Everything
 * else goes to the terminal prompter.
 */
final class KeySourcePrompter implements Prompter {
  private final Prompter terminal;
  private final List<String> sources;
  private final Map<String, String> env;

  KeySourcePrompter(Prompter terminal, List<String> sources, Map<String, String> env) {
    this.terminal = terminal;
    this.sources = List.copyOf(sources);
    this.env = env;
  }

  @Override
  public void show(String message) {
    terminal.show(message);
  }

  @Override
  public SecretValue readSecret(String prompt) throws RotationException {
    return terminal.readSecret(prompt);
  }

  @Override
  public SecretValue readSecret(Credential credential, String prompt) throws RotationException {
    Optional<String> source = sourceFor(credential);
    return source.isPresent() ? read(source.get()) : terminal.readSecret(credential, prompt);
  }

  @Override
  public boolean confirm(String question) {
    return terminal.confirm(question);
  }

  private Optional<String> sourceFor(Credential credential) {
    for (String source : sources) {
      int equals = source.indexOf('=');
      if (equals < 0) {
        return Optional.of(source);
      }
      String id = source.substring(0, equals);
      if (credential.ruleId().equals(id) || credential.fingerprint().startsWith(id)) {
        return Optional.of(source.substring(equals + 1));
      }
    }
    return Optional.empty();
  }

  private SecretValue read(String source) throws RotationException {
    if (source.startsWith("env:")) {
      String value = env.get(source.substring(4));
      if (value == null || value.isBlank()) {
        throw RotationException.user("--new-key-from " + source + ": that variable is not set");
      }
      return SecretValue.of(value.strip());
    }
    try {
      return SecretValue.of(Files.readString(Path.of(source), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw RotationException.user(
          "--new-key-from " + source + ": cannot read it: " + e.getClass().getSimpleName());
    }
  }
}
