package io.sealtrail.cli.users;

import picocli.CommandLine.Command;

/** {@code sealtrail users}: administer named users over the admin API. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description =
        "Create named users with their roles (the token is shown once), list them, revoke them"
            + " (admin token needed).",
    subcommands = {UsersAddCommand.class, UsersListCommand.class, UsersRevokeCommand.class})
public final class UsersCommand {}
