package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subject names per strategy, configured by Confluent's class names, ours, or simple names. */
class SubjectNameStrategiesTest {
  private static final Schema RECORD =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Shipment\",\"namespace\":\"com.acme\",\"fields\":[]}");

  @ParameterizedTest
  @CsvSource({
    "io.confluent.kafka.serializers.subject.TopicNameStrategy, orders-value",
    "io.confluent.kafka.serializers.subject.RecordNameStrategy, com.acme.Shipment",
    "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, orders-com.acme.Shipment",
    "io.confluent.kafka.serializers.subject.AssociatedNameStrategy, orders-value",
    "io.sealtrail.registry.serde.SubjectNameStrategy$RecordNameStrategy, com.acme.Shipment",
    "TopicRecordNameStrategy, orders-com.acme.Shipment"
  })
  void shouldNameSubjectLikeConfluentWhenStrategyIsConfigured(String configured, String subject) {
    SubjectNameStrategy strategy = SubjectNameStrategies.resolve(configured);

    assertThat(strategy.subjectName("orders", false, RECORD)).isEqualTo(subject);
  }

  @Test
  void shouldUseKeySuffixWhenTopicNameStrategyNamesKey() {
    SubjectNameStrategy strategy = SubjectNameStrategies.resolve(null);

    assertThat(strategy.subjectName("orders", true, RECORD)).isEqualTo("orders-key");
  }

  @Test
  void shouldNameSupportedStrategiesWhenClassIsUnknown() {
    assertThatThrownBy(() -> SubjectNameStrategies.resolve("com.acme.NoSuchStrategy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Unknown subject name strategy com.acme.NoSuchStrategy; supported: ");
  }

  @Test
  void shouldRefuseNonRecordWhenStrategyNeedsRecordName() {
    SubjectNameStrategy strategy = SubjectNameStrategies.resolve("RecordNameStrategy");

    assertThatThrownBy(
            () -> strategy.subjectName("orders", false, Schema.create(Schema.Type.STRING)))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "In configuration value.subject.name.strategy = RecordNameStrategy/TopicRecordNameStrategy, the message must be a record, not STRING");
  }
}
