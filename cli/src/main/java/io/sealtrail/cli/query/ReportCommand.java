package io.sealtrail.cli.query;

import picocli.CommandLine.Command;

/** {@code sealtrail report}: groups the reports. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Reports computed by the platform.",
    subcommands = {ReportResponseCommand.class})
public final class ReportCommand {}
