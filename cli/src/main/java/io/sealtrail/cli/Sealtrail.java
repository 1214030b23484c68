package io.sealtrail.cli;

import io.sealtrail.cli.demo.DemoCommand;
import io.sealtrail.cli.evidence.EvidenceCommand;
import io.sealtrail.cli.local.LocalCommand;
import io.sealtrail.cli.partners.PartnersCommand;
import io.sealtrail.cli.policy.PolicyCommand;
import io.sealtrail.cli.query.AlertsCommand;
import io.sealtrail.cli.query.AuditCommand;
import io.sealtrail.cli.query.CampaignCommand;
import io.sealtrail.cli.query.HoldsCommand;
import io.sealtrail.cli.query.LayoutsCommand;
import io.sealtrail.cli.query.LogCommand;
import io.sealtrail.cli.query.ReportCommand;
import io.sealtrail.cli.query.SerialCommand;
import io.sealtrail.cli.query.TraceCommand;
import io.sealtrail.cli.signing.EpcisCommand;
import io.sealtrail.cli.signing.KeysCommand;
import io.sealtrail.cli.signing.SignCommand;
import io.sealtrail.cli.signing.SubmitCommand;
import io.sealtrail.cli.signing.VerifyCommand;
import io.sealtrail.cli.users.UsersCommand;
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
      LocalCommand.class,
      DemoCommand.class,
      KeysCommand.class,
      PartnersCommand.class,
      UsersCommand.class,
      PolicyCommand.class,
      SignCommand.class,
      SubmitCommand.class,
      VerifyCommand.class,
      SerialCommand.class,
      TraceCommand.class,
      AlertsCommand.class,
      HoldsCommand.class,
      LayoutsCommand.class,
      CampaignCommand.class,
      ReportCommand.class,
      LogCommand.class,
      AuditCommand.class,
      EvidenceCommand.class,
      EpcisCommand.class
    })
public final class Sealtrail {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree with Sealtrail's error handling, shared by {@code main} and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Sealtrail()).setExecutionExceptionHandler(new FailureReporter());
  }
}
