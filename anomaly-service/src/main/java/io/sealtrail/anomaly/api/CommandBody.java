package io.sealtrail.anomaly.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The optional body of acknowledge and resolve: who (default: the token's role) and a note. */
@Serdeable
record CommandBody(@Nullable String by, @Nullable String note) {}
