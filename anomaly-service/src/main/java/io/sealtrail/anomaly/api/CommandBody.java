package io.sealtrail.anomaly.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The optional body of acknowledge and resolve: a note, and {@code by}, which may only repeat the
 * authenticated caller (the actor recorded either way).
 */
@Serdeable
record CommandBody(@Nullable String by, @Nullable String note) {}
