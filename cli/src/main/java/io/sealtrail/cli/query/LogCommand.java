package io.sealtrail.cli.query;

import picocli.CommandLine.Command;

/** {@code sealtrail log}: the transparency log, as an auditor or partner checks it. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = "Check the transparency log.",
    subcommands = {LogWatchCommand.class})
public final class LogCommand {}
