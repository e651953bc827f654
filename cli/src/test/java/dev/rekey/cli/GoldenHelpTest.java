package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The {@code --help} of every command, found by walking the command tree, against golden files. */
class GoldenHelpTest {

  static Stream<String> commands() {
    CommandLine root =
        new RekeyCommand(new Terminal(System.out, Map.of()), Map.of()).commandLine(new String[0]);
    List<String> names = new ArrayList<>();
    walk(root, "", names);
    return names.stream();
  }

  private static void walk(CommandLine command, String prefix, List<String> names) {
    names.add(prefix.strip());
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help") && sub.getCommandSpec().name().equals(name)) {
                walk(sub, prefix + " " + name, names);
              }
            });
  }

  @ParameterizedTest(name = "rekey {0} --help")
  @MethodSource("commands")
  void helpMatchesItsGoldenFile(String command) throws Exception {
    List<String> args =
        new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");
    Cli result = Cli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).isZero();
    String name = command.isEmpty() ? "rekey" : "rekey-" + command.replace(' ', '-');
    Golden.check("help/" + name + ".txt", result.out());
  }
}
