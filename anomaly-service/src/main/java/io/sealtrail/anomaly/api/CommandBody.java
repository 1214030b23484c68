package io.sealtrail.anomaly.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of acknowledge, assign and resolve: a note, for an assignment the assignee, for a
 * resolution its outcome ({@code TRUE_POSITIVE|FALSE_POSITIVE|BENIGN|DUPLICATE}, read by {@link
 * Triage}) and a note, both required there; and {@code by}, which may only repeat the authenticated
 * caller (the actor recorded either way).
 */
@Serdeable
record CommandBody(
    @Nullable String by,
    @Nullable String note,
    @Nullable String assignee,
    @Nullable String outcome) {}
