package io.sealtrail.cli.signing;

import picocli.CommandLine.Command;

/** {@code sealtrail keys}: groups the key management subcommands. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage signing keys.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {KeysGenerateCommand.class})
public final class KeysCommand {}
