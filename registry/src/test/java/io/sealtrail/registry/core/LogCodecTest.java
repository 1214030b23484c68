package io.sealtrail.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The storage vectors of the spec (§8.5): the exact records Confluent's registry writes. */
class LogCodecTest {
  private static final String STRING = "{\"type\": \"string\"}";
  private final EncodedLog log = new EncodedLog();
  private final SchemaRegistryCore core = log.open(CompatibilityLevel.BACKWARD);

  @Test
  void shouldWriteConfluentSchemaRecordWhenRegistering() {
    core.register("Kafka-key", STRING);

    assertThat(log.lines())
        .containsExactly(
            "{\"keytype\":\"SCHEMA\",\"subject\":\"Kafka-key\",\"version\":1,\"magic\":1} -> "
                + "{\"subject\":\"Kafka-key\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
  }

  @Test
  void shouldWriteConfigRecordsAndTombstoneWhenSettingAndDeletingConfig() {
    core.configs().update(Optional.of("Kafka-value"), CompatibilityLevel.FULL);
    core.configs().update(Optional.empty(), CompatibilityLevel.NONE);
    core.configs().delete(Optional.of("Kafka-value"));

    assertThat(log.lines())
        .containsExactly(
            "{\"keytype\":\"CONFIG\",\"subject\":\"Kafka-value\",\"magic\":0} -> {\"subject\":\"Kafka-value\",\"compatibilityLevel\":\"FULL\"}",
            "{\"keytype\":\"CONFIG\",\"magic\":0} -> {\"compatibilityLevel\":\"NONE\"}",
            "{\"keytype\":\"CONFIG\",\"subject\":\"Kafka-value\",\"magic\":0} -> null");
  }

  @Test
  void shouldWriteDeleteSubjectThenTombstonesWhenDeletingSoftThenHard() {
    core.register("Kafka-value", STRING);
    log.records.clear();

    core.deleteSubject("Kafka-value", false);
    core.deleteSubject("Kafka-value", true);

    assertThat(log.lines())
        .containsExactly(
            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"Kafka-value\",\"magic\":0} -> {\"subject\":\"Kafka-value\",\"version\":1}",
            "{\"keytype\":\"SCHEMA\",\"subject\":\"Kafka-value\",\"version\":1,\"magic\":1} -> null");
  }

  @Test
  void shouldRewriteSameKeyAsDeletedWhenSoftDeletingOneVersion() {
    core.register("Kafka-value", STRING);
    log.records.clear();

    core.deleteVersion("Kafka-value", VersionSpec.parse("1"), false);

    assertThat(log.lines())
        .containsExactly(
            "{\"keytype\":\"SCHEMA\",\"subject\":\"Kafka-value\",\"version\":1,\"magic\":1} -> "
                + "{\"subject\":\"Kafka-value\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":\"\\\"string\\\"\",\"deleted\":true}");
  }

  @Test
  void shouldIgnoreNoopAndUnknownKeytypesWhenReading() {
    Optional<LogRecord> noop =
        LogCodec.decode("{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(), null);
    Optional<LogRecord> context =
        LogCodec.decode(
            "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".\"}".getBytes(),
            "{\"tenant\":\"default\",\"context\":\".\"}".getBytes());

    assertThat(noop).isEmpty();
    assertThat(context).isEmpty();
  }

  @Test
  void shouldNeverReissueIdWhenTopicHoldsSchemaOfAnotherType() {
    EncodedLog shared = new EncodedLog();
    shared.records.add(
        new LogCodec.Encoded(
            "{\"keytype\":\"SCHEMA\",\"subject\":\"p-value\",\"version\":1,\"magic\":1}".getBytes(),
            "{\"subject\":\"p-value\",\"version\":1,\"id\":5,\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\",\"deleted\":false}"
                .getBytes()));

    SchemaVersion registered = shared.open(CompatibilityLevel.BACKWARD).register("a-value", STRING);

    assertThat(registered.id()).isEqualTo(6);
  }

  @Test
  void shouldReadKarapaceGlobalConfigKeyWhenSubjectIsNull() {
    Optional<LogRecord> config =
        LogCodec.decode(
            "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}".getBytes(),
            "{\"compatibilityLevel\":\"FULL\"}".getBytes());

    assertThat(config)
        .contains(new LogRecord.ConfigWritten(Optional.empty(), CompatibilityLevel.FULL));
  }
}
