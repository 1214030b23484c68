package io.sealtrail.cli.evidence;

import picocli.CommandLine.Command;

/** {@code sealtrail evidence}: evidence bundles, as an auditor checks them. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description =
        "Check evidence bundles (GET /v1/serials/{serial}/evidence, /v1/lots/{lot}/evidence).",
    subcommands = {EvidenceVerifyCommand.class})
public final class EvidenceCommand {}
