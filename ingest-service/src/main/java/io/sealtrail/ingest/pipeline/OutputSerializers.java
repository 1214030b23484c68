package io.sealtrail.ingest.pipeline;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How the values of {@code custody.events} and {@code custody.rejected} are written, e.g. with the
 * registry's Avro serializer; already configured by the caller.
 */
public record OutputSerializers(
    Serializer<VerifiedEvent> events, Serializer<RejectedSubmission> rejected) {
  public OutputSerializers {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(rejected, "rejected");
  }
}
