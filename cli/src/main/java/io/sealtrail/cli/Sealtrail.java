package io.sealtrail.cli;

import io.sealtrail.cli.signing.KeysCommand;
import io.sealtrail.cli.signing.SignCommand;
import io.sealtrail.cli.signing.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code sealtrail} command. */
@Command(
    name = "sealtrail",
    mixinStandardHelpOptions = true,
    version = "sealtrail 0.1.0",
    description = "Chain-of-custody for hardware devices on Apache Kafka.",
    subcommands = {
      CommandLine.HelpCommand.class,
      KeysCommand.class,
      SignCommand.class,
      VerifyCommand.class
    })
public final class Sealtrail {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Sealtrail()).execute(args));
  }
}
