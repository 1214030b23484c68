package io.sealtrail.platform.audit;

import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic every service writes its {@link AuditEntry audit entries} to ({@code
 * custody.audit.actions}, JSON by {@link AuditEntryJson}): one partition, kept forever. One
 * sequencer reads it in order and chains each entry into {@code custody.audit}; writers never
 * chain, so two nodes writing at once cannot fork the chain.
 */
public final class AuditActionsTopic {
  /** The topic id: {@code sealtrail.topics.audit-actions} renames it. */
  public static final String ID = "audit-actions";

  public static final String DEFAULT_NAME = "custody.audit.actions";

  private AuditActionsTopic() {}

  /** The topic as {@code config} names it. */
  public static Topic<byte[]> from(Map<String, String> config) {
    return new Topic<>(
        Topic.configuredName(config, ID, DEFAULT_NAME),
        Serdes.ByteArray(),
        TopicSettings.forever().withPartitions(1));
  }
}
