package io.sealtrail.cli.partners;

import picocli.CommandLine.Command;

/** {@code sealtrail partners}: administer partner registrations over the admin API. */
@Command(
    name = "partners",
    mixinStandardHelpOptions = true,
    description = "Register partners, revoke their keys and show them (admin token needed).",
    subcommands = {
      PartnersAddCommand.class,
      PartnersRevokeCommand.class,
      PartnersShowCommand.class
    })
public final class PartnersCommand {}
