package io.sealtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command of the tree answers {@code --help} with its usage and exit code 0. */
class HelpTest {

  static Stream<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    collect(Sealtrail.commandLine(), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().name().equals(name)) {
                var next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, paths);
              }
            });
  }

  @ParameterizedTest(name = "sealtrail {0} --help")
  @MethodSource("commandPaths")
  void shouldPrintUsageWhenAskedForHelp(List<String> path) {
    var out = new StringWriter();
    var args = new ArrayList<>(path);
    args.add("--help");

    int exit =
        Sealtrail.commandLine().setOut(new PrintWriter(out)).execute(args.toArray(String[]::new));

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: sealtrail " + String.join(" ", path).trim());
  }
}
