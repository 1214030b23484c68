package io.sealtrail.anomaly.topology;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics the anomaly service reads and writes, each with its name and value serde, built once
 * from configuration so that names and serdes always travel together. Every key is a string; the
 * evidence serde is for the internal topics spike hits travel through.
 */
public record Topics(
    Topic<Violation> violations,
    Topic<VerifiedEvent> events,
    Topic<RejectedSubmission> rejected,
    Topic<Alert> alerts,
    Topic<AlertCommand> commands,
    Serde<Evidence> evidenceSerde) {

  /** One topic: its name and the serde of its values; keys are strings. */
  public record Topic<V>(String name, Serde<V> valueSerde) {
    public Topic {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(valueSerde, "valueSerde");
    }

    public Serde<String> keySerde() {
      return Serdes.String();
    }
  }

  public Topics {
    Objects.requireNonNull(violations, "violations");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(evidenceSerde, "evidenceSerde");
  }

  /**
   * The topics named in {@code names}, with Avro serdes configured from {@code serdeConfig} (at
   * least {@code schema.registry.url}).
   */
  public static Topics from(TopicNames names, Map<String, ?> serdeConfig) {
    return new Topics(
        // A record of the inputs without a value is a poison pill, as one that is not Avro is.
        new Topic<>(names.violations(), ValueRequired.of(avro(Violation.class, serdeConfig))),
        new Topic<>(names.events(), ValueRequired.of(avro(VerifiedEvent.class, serdeConfig))),
        new Topic<>(
            names.rejected(), ValueRequired.of(avro(RejectedSubmission.class, serdeConfig))),
        new Topic<>(names.alerts(), avro(Alert.class, serdeConfig)),
        new Topic<>(names.commands(), avro(AlertCommand.class, serdeConfig)),
        // Spike hits carry their evidence through the cohort repartition topics.
        avro(Evidence.class, serdeConfig));
  }

  private static <T extends SpecificRecord> Serde<T> avro(
      Class<T> type, Map<String, ?> serdeConfig) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(serdeConfig, false);
    return serde;
  }
}
