package io.sealtrail.ingest.pipeline;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.ingest.IngestTopics;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How the values of {@code custody.events} and {@code custody.rejected} are written, normally the
 * registry's Avro serializers ({@link #avro}); any configured serializer will do.
 */
public record OutputSerializers(
    Serializer<VerifiedEvent> events,
    Serializer<RejectedSubmission> rejected,
    Serializer<PartnerOutcome> outcomes) {
  public OutputSerializers {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(outcomes, "outcomes");
  }

  /** The serializers of the catalogue's events and rejected topics. */
  public static OutputSerializers of(IngestTopics topics) {
    return new OutputSerializers(
        topics.events().valueSerde().serializer(),
        topics.rejected().valueSerde().serializer(),
        topics.outcomes().valueSerde().serializer());
  }

  /**
   * The registry's Confluent-compatible Avro serializers, configured from {@code serdeConfig}
   * ({@code schema.registry.url}, {@code auto.register.schemas}, ...).
   */
  public static OutputSerializers avro(Map<String, ?> serdeConfig) {
    return new OutputSerializers(
        valueSerializer(VerifiedEvent.class, serdeConfig),
        valueSerializer(RejectedSubmission.class, serdeConfig),
        valueSerializer(PartnerOutcome.class, serdeConfig));
  }

  private static <T extends SpecificRecord> Serializer<T> valueSerializer(
      Class<T> type, Map<String, ?> serdeConfig) {
    var serde = new SpecificAvroSerde<>(type);
    serde.configure(serdeConfig, false);
    return serde.serializer();
  }
}
