package io.sealtrail.cli.policy;

import picocli.CommandLine.Command;

/** {@code sealtrail policy}: read or replace the runtime policy over the admin API. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description =
        "Show the policy in force (admin or auditor token) or replace it with a new version"
            + " (admin token): roles, thresholds, event age, transit times, approved suppliers.",
    subcommands = {PolicyGetCommand.class, PolicySetCommand.class})
public final class PolicyCommand {}
