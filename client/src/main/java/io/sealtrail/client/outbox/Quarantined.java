package io.sealtrail.client.outbox;

import java.nio.file.Path;

/**
 * An outbox file that held no valid envelope, moved aside to {@code quarantine/} rather than sent
 * or deleted, for a person to look at.
 *
 * @param file where it is now
 * @param why what is wrong with it
 */
public record Quarantined(Path file, String why) {}
