package io.sealtrail.registry.serde;

import org.apache.avro.Schema;

/**
 * Names the subject a record's schema is registered under; configured with Confluent's {@code
 * key.subject.name.strategy} / {@code value.subject.name.strategy} keys.
 */
public interface SubjectNameStrategy {
  String subjectName(String topic, boolean isKey, Schema schema);

  /** {@code <topic>-key} / {@code <topic>-value}: one evolving type per topic (the default). */
  final class TopicNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
      return topic + (isKey ? "-key" : "-value");
    }
  }

  /** The record's full name: one type evolving across topics. */
  final class RecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
      return recordName(schema, isKey);
    }
  }

  /** {@code <topic>-<full name>}: several types per topic, each evolving on its own. */
  final class TopicRecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
      return topic + "-" + recordName(schema, isKey);
    }
  }

  private static String recordName(Schema schema, boolean isKey) {
    if (schema.getType() != Schema.Type.RECORD) {
      throw new org.apache.kafka.common.errors.SerializationException(
          "In configuration "
              + (isKey ? "key" : "value")
              + ".subject.name.strategy = RecordNameStrategy/TopicRecordNameStrategy, the message"
              + " must be a record, not "
              + schema.getType());
    }
    return schema.getFullName();
  }
}
