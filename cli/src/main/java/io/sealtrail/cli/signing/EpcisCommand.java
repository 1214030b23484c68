package io.sealtrail.cli.signing;

import picocli.CommandLine.Command;

/** {@code sealtrail epcis}: GS1 EPCIS 2.0 documents in (capture); out is {@code serial --epcis}. */
@Command(
    name = "epcis",
    mixinStandardHelpOptions = true,
    description = {
      "GS1 EPCIS 2.0: capture a document's events as custody events.",
      "To export, see 'sealtrail serial SERIAL --epcis' and 'sealtrail trace LOT --epcis'."
    },
    subcommands = {EpcisCaptureCommand.class})
public final class EpcisCommand {}
