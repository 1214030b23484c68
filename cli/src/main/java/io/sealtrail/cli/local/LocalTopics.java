package io.sealtrail.cli.local;

import io.sealtrail.anomaly.topology.AnomalyConfig;
import io.sealtrail.custody.service.CustodyStreamService;
import io.sealtrail.custody.topology.CustodyStreamConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics local mode creates, as the stream services declare them; partition counts and replicas
 * are the local broker's defaults (3 and 1). The ingest topics are created by the ingest service
 * itself, first, with the settings it checks at start (LogAppendTime on inbound, unlimited
 * retention on events).
 */
final class LocalTopics {
  private LocalTopics() {}

  static List<NewTopic> of(CustodyStreamConfig custody, AnomalyConfig anomaly) {
    List<NewTopic> all = new ArrayList<>(CustodyStreamService.topics(custody));
    all.addAll(LocalAnomaly.topics(anomaly));
    return all;
  }
}
